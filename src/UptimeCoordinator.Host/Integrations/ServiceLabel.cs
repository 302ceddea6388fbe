namespace UptimeCoordinator.Host.Integrations;

/// <summary>The alert label that named a service, its value as sent, and the service id read from it (not yet validated).</summary>
public sealed record ServiceLabel(string Label, string Value, string ServiceId);
