namespace UptimeCoordinator.Contracts.Notices;

/// <summary>What asking to send a notice again did.</summary>
[GenerateSerializer, Alias("uc.NoticeRetryOutcome")]
public enum NoticeRetryOutcome
{
    Retried = 0,
    NotFound = 1,

    /// <summary>Only a failed notice is sent again: a pending one is on its way, a sent one arrived.</summary>
    NotFailed = 2,
}

/// <summary>The outcome of <c>RetryNoticeAsync</c>, with the notice as it is after it.</summary>
[GenerateSerializer, Alias("uc.NoticeRetryResult")]
public sealed record NoticeRetryResult(
    [property: Id(0)] NoticeRetryOutcome Outcome,
    [property: Id(1)] NoticeView? Notice);
