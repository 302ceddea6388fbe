namespace UptimeCoordinator.Host.Maintenance;

// The bodies of the maintenance commands. Every field is nullable so that a missing one is a
// validation error naming it, not a binding failure.

/// <summary><c>POST /api/v1/maintenance</c>; <c>noticeLeadTimes</c> are ISO 8601 durations (default <c>Maintenance:DefaultNoticeLeadTimes</c>).</summary>
public sealed record ScheduleMaintenanceRequest(
    string[]? ServiceIds,
    DateTimeOffset? Start,
    DateTimeOffset? End,
    string? Title,
    string? Description,
    string[]? NoticeLeadTimes,
    string? By);

/// <summary><c>POST /api/v1/maintenance/{id}/reschedule</c>.</summary>
public sealed record RescheduleMaintenanceRequest(DateTimeOffset? Start, DateTimeOffset? End, string? By);

/// <summary><c>POST /api/v1/maintenance/{id}/cancel</c>.</summary>
public sealed record CancelMaintenanceRequest(string? By, string? Reason);

/// <summary>
/// <c>POST /api/v1/maintenance/suggestions</c>. <c>duration</c> is ISO 8601; <c>freezes</c> are extra
/// spans to avoid besides existing windows; <c>exchangeRates</c> weigh currencies against each other
/// for the ranking only (a currency not named counts at 1); <c>clientLimit</c> caps the clients listed per suggestion.
/// </summary>
public sealed record SuggestionsRequest(
    string[]? ServiceIds,
    string? Duration,
    DateTimeOffset? Earliest,
    DateTimeOffset? Latest,
    int? Count,
    FreezeRequest[]? Freezes,
    Dictionary<string, decimal>? ExchangeRates,
    int? ClientLimit);

public sealed record FreezeRequest(DateTimeOffset? Start, DateTimeOffset? End);
