using UptimeCoordinator.Contracts.Notices;

namespace UptimeCoordinator.Grains.Notices;

/// <summary>Persisted state of <see cref="NoticeAttentionGrain"/>: failures in the order they came.</summary>
public sealed class NoticeAttentionState
{
    public List<FailedNoticeEntry> Failed { get; set; } = [];
}
