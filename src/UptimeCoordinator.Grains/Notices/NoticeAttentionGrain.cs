using UptimeCoordinator.Contracts.Notices;

namespace UptimeCoordinator.Grains.Notices;

/// <summary>The failed notices of every client, newest first, at most <see cref="INoticeAttentionGrain.Capacity"/>.</summary>
[GrainType("notice-attention")]
public sealed class NoticeAttentionGrain([PersistentState("attention")] IPersistentState<NoticeAttentionState> state)
    : Grain, INoticeAttentionGrain
{
    public async Task MarkFailedAsync(FailedNoticeEntry entry)
    {
        var failed = state.State.Failed;
        var known = failed.FindIndex(e => e.Key == entry.Key);
        if (known >= 0 && failed[known] == entry)
        {
            return;
        }

        if (known >= 0)
        {
            failed.RemoveAt(known);
        }

        failed.Add(entry);
        if (failed.Count > INoticeAttentionGrain.Capacity)
        {
            failed.RemoveRange(0, failed.Count - INoticeAttentionGrain.Capacity);
        }

        await state.WriteOrDiscardAsync(this);
    }

    public async Task ClearAsync(string clientId, string noticeId)
    {
        if (state.State.Failed.RemoveAll(e => e.ClientId == clientId && e.NoticeId == noticeId) > 0)
        {
            await state.WriteOrDiscardAsync(this);
        }
    }

    public Task<FailedNoticePage> ListAsync(string? after, int limit)
    {
        var newestFirst = Enumerable.Reverse(state.State.Failed);
        if (after is not null)
        {
            newestFirst = newestFirst.SkipWhile(e => e.Key != after).Skip(1);
        }

        var page = newestFirst.Take(limit + 1).ToArray();
        return Task.FromResult(page.Length > limit
            ? new FailedNoticePage(page[..limit], page[limit - 1].Key)
            : new FailedNoticePage(page, null));
    }
}
