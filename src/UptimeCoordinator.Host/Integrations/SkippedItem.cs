namespace UptimeCoordinator.Host.Integrations;

/// <summary>
/// An item of a tool's payload that was not applied: where it was (<c>alerts[2]</c>), the service it named,
/// the check it was for (an alert's fingerprint), and why.
/// </summary>
public sealed record SkippedItem(string Item, string? ServiceId, string? Check, string Reason);
