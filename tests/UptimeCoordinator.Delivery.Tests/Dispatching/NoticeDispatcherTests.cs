using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using UptimeCoordinator.Delivery.Tests.Support;

namespace UptimeCoordinator.Delivery.Tests.Dispatching;

public sealed class NoticeDispatcherTests
{
    [Fact]
    public async Task TheSameNoticeDispatchedTwiceIsSentOnce()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.StallFor = _ => TimeSpan.FromMilliseconds(200);
        await using var host = await DeliveryHost.StartAsync();
        var notice = Notices.Webhook(receiver.UrlFor());

        host.Dispatcher.Dispatch(notice);
        host.Dispatcher.Dispatch(notice with { });

        var outcome = await host.Outcomes.WaitForAsync(notice.NoticeId);
        Assert.Equal((DeliveryResult.Sent, 1), (outcome.Result, outcome.Attempts));
        Assert.Single(receiver.Requests);
        Assert.Single(host.Outcomes.For(notice.NoticeId));
        Assert.Contains(host.Logs.Lines, line => line.Text.Contains($"Notice {notice.NoticeId} is already being delivered here", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ANoticeWithdrawnWhileWaitingToRetryIsNeverSentAndReportsNothing()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.StatusFor = _ => 503;
        await using var host = await DeliveryHost.StartAsync(
            new() { ["Notifications:Delivery:MaxAttempts"] = "2", ["Notifications:Delivery:FirstRetryDelay"] = "PT1M" }, time: clock);
        var notice = Notices.Webhook(receiver.UrlFor());

        host.Dispatcher.Dispatch(notice);
        await Eventually.HoldsAsync(() => receiver.Requests.Count == 1, "the first attempt reaches the receiver");
        await Eventually.HoldsAsync(() => host.Dispatcher.TryWithdraw(notice.NoticeId), "the notice waits to retry, so it can be withdrawn");
        clock.Advance(TimeSpan.FromHours(1));

        // Past the retry delay on the injected clock, a retry that was not cancelled would be due at once.
        await Task.Delay(300);
        Assert.Single(receiver.Requests);
        Assert.Empty(host.Outcomes.Reports);
        Assert.False(host.Dispatcher.TryWithdraw(notice.NoticeId));
    }

    [Fact]
    public async Task ANoticeWithdrawnBeforeItsFirstAttemptIsNeverSent()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.StallFor = n => n == 1 ? TimeSpan.FromMilliseconds(500) : TimeSpan.Zero;
        await using var host = await DeliveryHost.StartAsync(new() { ["Notifications:Delivery:Concurrency"] = "1" });
        var blocker = Notices.Webhook(receiver.UrlFor());
        var queued = Notices.Webhook(receiver.UrlFor());

        host.Dispatcher.Dispatch(blocker);
        await Eventually.HoldsAsync(() => receiver.Requests.Count == 1, "the first notice holds the only send slot");
        host.Dispatcher.Dispatch(queued);

        Assert.True(host.Dispatcher.TryWithdraw(queued.NoticeId));
        Assert.Equal(DeliveryResult.Sent, (await host.Outcomes.WaitForAsync(blocker.NoticeId)).Result);
        await Task.Delay(200);
        Assert.Equal(blocker.NoticeId, Assert.Single(receiver.Requests).Id);
        Assert.Empty(host.Outcomes.For(queued.NoticeId));
    }

    [Fact]
    public async Task ANoticeWhoseAttemptIsUnderWayCannotBeWithdrawn()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.StallFor = _ => TimeSpan.FromMilliseconds(300);
        await using var host = await DeliveryHost.StartAsync();
        var notice = Notices.Webhook(receiver.UrlFor());

        host.Dispatcher.Dispatch(notice);
        await Eventually.HoldsAsync(() => receiver.Requests.Count == 1, "the attempt reaches the receiver");

        Assert.False(host.Dispatcher.TryWithdraw(notice.NoticeId));
        Assert.Equal(DeliveryResult.Sent, (await host.Outcomes.WaitForAsync(notice.NoticeId)).Result);
    }

    [Fact]
    public async Task AnUnknownNoticeCannotBeWithdrawn()
    {
        await using var host = await DeliveryHost.StartAsync();

        Assert.False(host.Dispatcher.TryWithdraw(Notices.NewId("webhook")));
    }

    [Fact]
    public async Task AnOutcomeTheOutboxRefusesAtFirstIsReportedAgain()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var host = await DeliveryHost.StartAsync(outcomes: new RecordingOutcomeSink { RefuseFirst = 2 });
        var notice = Notices.Webhook(receiver.UrlFor());

        host.Dispatcher.Dispatch(notice);

        var outcome = await host.Outcomes.WaitForAsync(notice.NoticeId);
        Assert.Equal(DeliveryResult.Sent, outcome.Result);
        Assert.Equal(3, host.Outcomes.Calls);
        Assert.Equal(Notices.ClientId, Assert.Single(host.Outcomes.Reports).ClientId);
    }

    [Fact]
    public async Task AnOutcomeTheOutboxNeverTakesIsDroppedWithAWarningAndTheIdIsForgotten()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var host = await DeliveryHost.StartAsync(outcomes: new RecordingOutcomeSink { RefuseFirst = int.MaxValue });
        var notice = Notices.Webhook(receiver.UrlFor());

        host.Dispatcher.Dispatch(notice);
        await Eventually.HoldsAsync(
            () => host.Logs.Lines.Any(l => l.Level == LogLevel.Warning && l.Text.Contains("could not be reported", StringComparison.Ordinal)),
            "a warning that the outcome was dropped");
        host.Dispatcher.Dispatch(notice);

        await Eventually.HoldsAsync(() => receiver.Requests.Count == 2, "the handed-over notice is sent again");
        Assert.All(receiver.Requests, r => Assert.Equal(notice.NoticeId, r.Id));
    }
}
