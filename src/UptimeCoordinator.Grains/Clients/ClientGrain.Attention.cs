using Microsoft.Extensions.Logging;
using UptimeCoordinator.Contracts.Changes;
using UptimeCoordinator.Contracts.Clients;
using UptimeCoordinator.Contracts.Notices;
using UptimeCoordinator.Domain.Notices;
using UptimeCoordinator.Grains.Changes;

namespace UptimeCoordinator.Grains.Clients;

// Failed notices: telling the attention list across clients, and sending one again when ops ask.
public sealed partial class ClientGrain
{
    public Task<NoticeView?> GetNoticeAsync(string noticeId) =>
        Task.FromResult(State.Definition is not null && State.Outbox.Find(noticeId) is { } notice ? NoticeView.From(notice) : null);

    public async Task<NoticeRetryResult> RetryNoticeAsync(string noticeId)
    {
        if (State.Definition is null || State.Outbox.Find(noticeId) is not { } notice)
        {
            return new NoticeRetryResult(NoticeRetryOutcome.NotFound, null);
        }

        var now = time.GetUtcNow();
        if (!State.Outbox.Retry(noticeId, now))
        {
            return new NoticeRetryResult(NoticeRetryOutcome.NotFailed, NoticeView.From(notice));
        }

        await WakeUp.SyncReminderAsync();
        await state.WriteOrDiscardAsync(this);
        await TellAttentionAsync(noticeId, wasFailed: true, now);
        WakeUp.DispatchDue();
        await this.PublishChangeAsync(NoticeChanged.Of(Id, notice, now), logger);
        return new NoticeRetryResult(NoticeRetryOutcome.Retried, NoticeView.From(notice));
    }

    private INoticeAttentionGrain Attention => GrainFactory.GetGrain<INoticeAttentionGrain>(INoticeAttentionGrain.Key);

    /// <summary>After a delivery outcome was recorded: a notice that just failed joins the attention list, one that recovered leaves it.</summary>
    private async Task TellAttentionAsync(string noticeId, bool wasFailed, DateTimeOffset at)
    {
        var isFailed = State.Outbox.Find(noticeId)?.State == NoticeState.Failed;
        try
        {
            if (isFailed && !wasFailed)
            {
                await Attention.MarkFailedAsync(new FailedNoticeEntry(Id, noticeId, at));
            }
            else if (wasFailed && !isFailed)
            {
                await Attention.ClearAsync(Id, noticeId);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The notice's own state is stored; the list across clients is a convenience for the console.
            LogAttentionFailed(logger, e, noticeId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The failed-notice list could not be told about notice {NoticeId}")]
    private static partial void LogAttentionFailed(ILogger logger, Exception exception, string noticeId);
}
