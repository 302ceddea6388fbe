using UptimeCoordinator.Domain.Notices;

namespace UptimeCoordinator.Domain.Tests.Notices;

public sealed class NoticeOutboxTests
{
    private static readonly DateTimeOffset Noon = new(2026, 1, 15, 12, 0, 0, TimeSpan.Zero);

    private static Notice Pending(string id, DateTimeOffset? due = null) =>
        new() { Id = id, State = NoticeState.Pending, CreatedAt = Noon, DueAt = due ?? Noon };

    [Fact]
    public void ASentNoticeStaysSentWhateverIsReportedAfter()
    {
        var outbox = new NoticeOutbox();
        outbox.Add([Pending("n1")]);

        Assert.True(outbox.Record("n1", NoticeState.Sent, 3, null, Noon));
        Assert.False(outbox.Record("n1", NoticeState.Failed, 1, "late failure", Noon));

        var notice = outbox.Find("n1")!;
        Assert.Equal(NoticeState.Sent, notice.State);
        Assert.Equal(3, notice.Attempts);
        Assert.Equal(Noon, notice.SentAt);
    }

    [Fact]
    public void ADeferralKeepsTheNoticePendingWithItsReasonAndRepeatsChangeNothing()
    {
        var outbox = new NoticeOutbox();
        outbox.Add([Pending("n1")]);

        Assert.True(outbox.Record("n1", NoticeState.Pending, 0, "email is not configured", Noon));
        Assert.False(outbox.Record("n1", NoticeState.Pending, 0, "email is not configured", Noon));

        Assert.Equal(NoticeState.Pending, outbox.Find("n1")!.State);
        Assert.Equal("email is not configured", outbox.Find("n1")!.LastError);
    }

    [Fact]
    public void OnlyPendingNoticesCanBeSuperseded()
    {
        var outbox = new NoticeOutbox();
        outbox.Add([Pending("n1"), Pending("n2")]);
        outbox.Record("n2", NoticeState.Sent, 1, null, Noon);

        Assert.True(outbox.Supersede("n1", "moot"));
        Assert.False(outbox.Supersede("n2", "moot"));
        Assert.Equal([NoticeState.Superseded, NoticeState.Sent], outbox.Notices.Select(n => n.State));
    }

    [Fact]
    public void HeldNoticesAreNotDueUntilTheirTime()
    {
        var outbox = new NoticeOutbox();
        outbox.Add([Pending("now"), Pending("later", Noon.AddHours(8))]);

        Assert.Equal(["now"], outbox.DueAt(Noon).Select(n => n.Id));
        Assert.Equal(Noon.AddHours(8), outbox.NextHeldAfter(Noon));
    }

    [Fact]
    public void TheHistoryIsBoundedButPendingNoticesAreNeverDropped()
    {
        var outbox = new NoticeOutbox();
        outbox.Add([Pending("keep-me")]);
        for (var i = 0; i < NoticeOutbox.MaxFinished + 10; i++)
        {
            outbox.Add([new Notice { Id = $"done-{i}", State = NoticeState.Sent }]);
        }

        Assert.Equal(NoticeOutbox.MaxFinished + 1, outbox.Notices.Count);
        Assert.NotNull(outbox.Find("keep-me"));
        Assert.Null(outbox.Find("done-0"));
        Assert.NotNull(outbox.Find($"done-{NoticeOutbox.MaxFinished + 9}"));
    }
}
