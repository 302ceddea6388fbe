namespace UptimeCoordinator.Host.Incidents;

// The bodies of the incident commands. Every field is nullable so that a missing one is a
// validation error naming it, not a binding failure.

/// <summary><c>POST /api/v1/incidents</c>: ops declare an incident, or a client (or ops on its behalf, with <c>clientId</c>) reports a problem.</summary>
public sealed record CreateIncidentRequest(
    string? Title,
    string[]? ServiceIds,
    string? Severity,
    string? Message,
    string? By,
    string? ClientId,
    string? ContactId);

/// <summary><c>POST /api/v1/incidents/{id}/acknowledge</c>.</summary>
public sealed record AcknowledgeRequest(string? By, DateTimeOffset? Eta, string? Message);

/// <summary><c>POST /api/v1/incidents/{id}/updates</c>; <c>stage</c> is investigating, identified or monitoring.</summary>
public sealed record UpdateRequest(string? By, string? Message, string? Stage, DateTimeOffset? Eta);

/// <summary><c>POST /api/v1/incidents/{id}/resolve</c>.</summary>
public sealed record ResolveRequest(string? By, string? Summary, string[]? ActionsTaken, int? TimeSpentMinutes, string[]? FollowUps);

/// <summary><c>POST /api/v1/incidents/{id}/confirm</c> and <c>…/dismiss</c>: a verdict on a client's report.</summary>
public sealed record VerdictRequest(string? By, string? Message);

/// <summary>
/// <c>POST /api/v1/incidents/{id}/feedback</c>. <c>token</c> is the one a follow-up or survey link
/// carries; with it no API key is needed.
/// </summary>
public sealed record FeedbackRequest(string? ClientId, string? ContactId, bool? FixedConfirmed, int? Rating, string? Comment, string? Token);

/// <summary>What a feedback answer did; the incident itself stays ops' to read.</summary>
public sealed record FeedbackAccepted(string IncidentId, bool Reopened, string Stage);

/// <summary>What a client's key sees of its report: which incident took it, at what stage, and whether it joined one already open.</summary>
public sealed record ReportAccepted(string Id, string Stage, bool Joined);
