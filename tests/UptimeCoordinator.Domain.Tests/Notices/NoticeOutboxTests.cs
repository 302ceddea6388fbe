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

    private static Notice Rendered(string id)
    {
        var notice = Pending(id);
        notice.Content = new NoticeContent("Checkout is down", "Checkout has been down since 12:00.", "<p>Checkout has been down since 12:00.</p>");
        notice.Payload = """{"type":"incident.detected"}""";
        notice.Attachment = new NoticeAttachment("invite.ics", "text/calendar", "BEGIN:VCALENDAR");
        return notice;
    }

    [Fact]
    public void ASentNoticeKeepsOnlyWhatTheLogShows()
    {
        var outbox = new NoticeOutbox();
        outbox.Add([Rendered("n1")]);

        outbox.Record("n1", NoticeState.Sent, 1, null, Noon);

        var notice = outbox.Find("n1")!;
        Assert.Equal(("Checkout is down", "Checkout has been down since 12:00.", ""), (notice.Content.Subject, notice.Content.Text, notice.Content.Html));
        Assert.Null(notice.Payload);
        Assert.Null(notice.Attachment);
    }

    [Fact]
    public void AFailedNoticeKeepsEverythingARetrySends()
    {
        var outbox = new NoticeOutbox();
        outbox.Add([Rendered("n1")]);

        outbox.Record("n1", NoticeState.Failed, 6, "connection refused", Noon);

        var notice = outbox.Find("n1")!;
        Assert.Equal("<p>Checkout has been down since 12:00.</p>", notice.Content.Html);
        Assert.Equal("""{"type":"incident.detected"}""", notice.Payload);
        Assert.NotNull(notice.Attachment);
    }

    [Fact]
    public void ASupersededNoticeKeepsOnlyWhatTheLogShows()
    {
        var outbox = new NoticeOutbox();
        outbox.Add([Rendered("n1")]);

        outbox.Supersede("n1", "moot");

        var notice = outbox.Find("n1")!;
        Assert.Equal("Checkout has been down since 12:00.", notice.Content.Text);
        Assert.Equal("", notice.Content.Html);
        Assert.Null(notice.Payload);
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
