namespace UptimeCoordinator.Host.Integrations.Alertmanager;

/// <summary>An alert that was not applied, and why; its index is its position in <c>alerts[]</c>.</summary>
public sealed record SkippedAlert(int Index, string? Fingerprint, string Reason);
