using UptimeCoordinator.Domain.Notices;

namespace UptimeCoordinator.Domain.Tests.Notices;

/// <summary><see cref="NoticeOutbox.Retry"/>: a failed notice goes back in the queue under its own id, and nothing else does.</summary>
public sealed class NoticeOutboxRetryTests
{
    private static readonly DateTimeOffset Noon = new(2026, 1, 15, 12, 0, 0, TimeSpan.Zero);

    private static NoticeOutbox WithFailed(string id, DateTimeOffset? due = null)
    {
        var outbox = new NoticeOutbox();
        outbox.Add([new Notice { Id = id, State = NoticeState.Pending, CreatedAt = Noon, DueAt = due ?? Noon }]);
        Assert.True(outbox.Record(id, NoticeState.Failed, 6, "HTTP 500", Noon.AddMinutes(1)));
        return outbox;
    }

    [Fact]
    public void AFailedNoticeBecomesPendingAndDueNowUnderTheSameId()
    {
        var outbox = WithFailed("n1", due: Noon.AddHours(-3));
        var later = Noon.AddHours(2);

        Assert.True(outbox.Retry("n1", later));

        var notice = Assert.Single(outbox.Notices);
        Assert.Equal(("n1", NoticeState.Pending, later), (notice.Id, notice.State, notice.DueAt));
        Assert.Equal(["n1"], outbox.DueAt(later).Select(n => n.Id));
    }

    [Fact]
    public void TheRetriedNoticeCanBeRecordedSentAndCountsEveryAttempt()
    {
        var outbox = WithFailed("n1");
        outbox.Retry("n1", Noon.AddHours(1));

        Assert.True(outbox.Record("n1", NoticeState.Sent, 1, null, Noon.AddHours(1)));

        var notice = outbox.Find("n1")!;
        Assert.Equal((NoticeState.Sent, 7, Noon.AddHours(1)), (notice.State, notice.Attempts, notice.SentAt));
        Assert.Null(notice.LastError);
    }

    [Fact]
    public void ARetriedNoticeThatFailsAgainIsFailedAgainAndCanBeRetriedOnceMore()
    {
        var outbox = WithFailed("n1");
        Assert.True(outbox.Retry("n1", Noon.AddHours(1)));
        Assert.True(outbox.Record("n1", NoticeState.Failed, 6, "HTTP 503", Noon.AddHours(1)));

        Assert.Equal((NoticeState.Failed, "HTTP 503", 12), (outbox.Find("n1")!.State, outbox.Find("n1")!.LastError, outbox.Find("n1")!.Attempts));
        Assert.True(outbox.Retry("n1", Noon.AddHours(2)));
    }

    [Theory]
    [InlineData(NoticeState.Pending)]
    [InlineData(NoticeState.Sent)]
    [InlineData(NoticeState.Superseded)]
    public void ANoticeThatDidNotFailIsLeftAsItIs(NoticeState state)
    {
        var outbox = new NoticeOutbox();
        outbox.Add([new Notice { Id = "n1", State = NoticeState.Pending, CreatedAt = Noon, DueAt = Noon.AddHours(5) }]);
        switch (state)
        {
            case NoticeState.Sent:
                outbox.Record("n1", NoticeState.Sent, 1, null, Noon);
                break;
            case NoticeState.Superseded:
                outbox.Supersede("n1", "moot");
                break;
        }

        Assert.False(outbox.Retry("n1", Noon.AddHours(1)));

        var notice = outbox.Find("n1")!;
        Assert.Equal((state, Noon.AddHours(5)), (notice.State, notice.DueAt));
    }

    [Fact]
    public void AnUnknownIdIsNotRetried()
    {
        var outbox = WithFailed("n1");

        Assert.False(outbox.Retry("n2", Noon));
        Assert.Equal(NoticeState.Failed, outbox.Find("n1")!.State);
    }

    [Fact]
    public void ARetriedNoticeIsPendingSoTheHistoryTrimNeverDropsIt()
    {
        var outbox = WithFailed("old");
        outbox.Retry("old", Noon);

        outbox.Add(Enumerable.Range(0, NoticeOutbox.MaxFinished + 5).Select(i => new Notice { Id = $"s{i}", State = NoticeState.Sent, CreatedAt = Noon }));

        Assert.True(outbox.Contains("old"));
        Assert.Equal(NoticeOutbox.MaxFinished, outbox.Notices.Count(n => !n.IsPending));
    }
}
