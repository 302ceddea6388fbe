namespace UptimeCoordinator.Host.Integrations;

/// <summary>
/// Body of an integration's <c>202</c>: events accepted, how many were exact repeats, and the items
/// that were skipped, with why. A tool cannot fix its payload by retrying, so these are reported, not refused.
/// </summary>
public sealed record IntegrationAccepted(int Accepted, int Duplicates, SkippedItem[] Skipped);

