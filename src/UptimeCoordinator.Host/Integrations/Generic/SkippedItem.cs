namespace UptimeCoordinator.Host.Integrations.Generic;

/// <summary>An item of a tool's payload that was not applied: where it was, the service it named, and why.</summary>
public sealed record SkippedItem(string Item, string? ServiceId, string Reason);
