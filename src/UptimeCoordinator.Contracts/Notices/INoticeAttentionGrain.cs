namespace UptimeCoordinator.Contracts.Notices;

/// <summary>
/// The notices whose delivery failed, across every client (single key <see cref="Key"/>), for the
/// ops console to show and retry. Only failures and their clearing reach it, never a delivery that
/// went well, so it stays off the fan-out path.
/// </summary>
[Alias("uc.INoticeAttentionGrain")]
public interface INoticeAttentionGrain : IGrainWithStringKey
{
    const string Key = "all";

    /// <summary>How many failures it keeps; the oldest go first.</summary>
    const int Capacity = 1000;

    [Alias("MarkFailed")]
    Task MarkFailedAsync(FailedNoticeEntry entry);

    /// <summary>The notice is no longer failed: it was retried, or sent after all.</summary>
    [Alias("Clear")]
    Task ClearAsync(string clientId, string noticeId);

    /// <summary>Failures newest first, after the entry whose <see cref="FailedNoticeEntry.Key"/> is <paramref name="after"/>.</summary>
    [Alias("List")]
    Task<FailedNoticePage> ListAsync(string? after, int limit);
}

/// <summary>One failed notice: whose, which, and when it failed.</summary>
[GenerateSerializer, Alias("uc.FailedNoticeEntry")]
public sealed record FailedNoticeEntry(
    [property: Id(0)] string ClientId,
    [property: Id(1)] string NoticeId,
    [property: Id(2)] DateTimeOffset FailedAt)
{
    /// <summary>Unique across clients, as notice ids are unique only within one client.</summary>
    public string Key => $"{ClientId}/{NoticeId}";
}

/// <summary>A page of <see cref="INoticeAttentionGrain.ListAsync"/>; <see cref="NextAfter"/> continues it.</summary>
[GenerateSerializer, Alias("uc.FailedNoticePage")]
public sealed record FailedNoticePage(
    [property: Id(0)] FailedNoticeEntry[] Items,
    [property: Id(1)] string? NextAfter);
