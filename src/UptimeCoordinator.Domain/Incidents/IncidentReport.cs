namespace UptimeCoordinator.Domain.Incidents;

/// <summary>A client's report of a problem, which opens a suspected incident until it is confirmed or dismissed.</summary>
public sealed record IncidentReport(string ClientId, string? ContactId, string Message, DateTimeOffset At);
