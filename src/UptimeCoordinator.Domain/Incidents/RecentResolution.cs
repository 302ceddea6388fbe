namespace UptimeCoordinator.Domain.Incidents;

/// <summary>The last incident a service resolved, kept to reopen it on a quick recurrence.</summary>
public sealed record RecentResolution(string IncidentId, DateTimeOffset ResolvedAt);
