namespace UptimeCoordinator.Domain.Incidents;

/// <summary>One client contact's answer after resolution: is it fixed for them, and how did we do.</summary>
public sealed record IncidentFeedback(
    string ClientId,
    string? ContactId,
    bool FixedConfirmed,
    int? Rating,
    string? Comment,
    DateTimeOffset At);
