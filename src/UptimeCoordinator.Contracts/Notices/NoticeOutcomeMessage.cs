using UptimeCoordinator.Domain.Notices;

namespace UptimeCoordinator.Contracts.Notices;

/// <summary>
/// How one dispatch of a notice ended: <c>sent</c>, <c>failed</c>, or <c>pending</c> when nothing
/// could be attempted (a channel that is not configured), with the reason.
/// </summary>
[GenerateSerializer, Alias("uc.NoticeOutcomeMessage")]
public sealed record NoticeOutcomeMessage(
    [property: Id(0)] string NoticeId,
    [property: Id(1)] NoticeState State,
    [property: Id(2)] int Attempts,
    [property: Id(3)] string? Error,
    [property: Id(4)] DateTimeOffset At);
