using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using UptimeCoordinator.Delivery.Dispatching;
using UptimeCoordinator.Delivery.Tests.Support;

namespace UptimeCoordinator.Delivery.Tests.Dispatching;

/// <summary>
/// A stopping host drains the dispatcher: sends in flight finish and report, everything else is left
/// pending in its outbox for the next host, and the drain timeout bounds the wait.
/// </summary>
public sealed class NoticeDispatcherDrainTests
{
    private readonly RecordingOutcomeSink _outcomes = new();
    private readonly RecordingLoggerProvider _logs = new();

    [Fact]
    public async Task ASendInFlightWhenTheHostStopsFinishesAndIsReportedBeforeTheStopReturns()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.StallFor = _ => TimeSpan.FromSeconds(1);
        using var host = await StartAsync(new() { ["Notifications:Delivery:DrainTimeout"] = "PT10S" });
        var notice = Notices.Webhook(receiver.UrlFor());

        Dispatcher(host).Dispatch(notice);
        await Eventually.HoldsAsync(() => receiver.Requests.Count == 1, "the send reaches the receiver");
        await host.StopAsync();

        var outcome = Assert.Single(_outcomes.For(notice.NoticeId));
        Assert.Equal((DeliveryResult.Sent, 1), (outcome.Result, outcome.Attempts));
        Assert.Equal(1, receiver.Successes);
        Assert.Contains(_logs.Lines, l => l.Text.StartsWith("Notice delivery stopped: 1 send(s) in flight drained and reported, 0 cut off", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ANoticeWaitingToRetryWhenTheHostStopsIsLeftPendingWithoutHoldingTheStop()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.StatusFor = _ => 503;
        using var host = await StartAsync(new()
        {
            ["Notifications:Delivery:MaxAttempts"] = "3",
            ["Notifications:Delivery:FirstRetryDelay"] = "PT30S",
            ["Notifications:Delivery:DrainTimeout"] = "PT10S",
        });
        var notice = Notices.Webhook(receiver.UrlFor());

        Dispatcher(host).Dispatch(notice);
        await Eventually.HoldsAsync(() => _logs.Lines.Any(l => l.Text.Contains("; retrying in", StringComparison.Ordinal)), "the notice waits to retry");
        var clock = Stopwatch.StartNew();
        await host.StopAsync();

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"the stop waited {clock.Elapsed.TotalSeconds:0.0} s for a retry");
        Assert.Empty(_outcomes.Reports);
        Assert.Single(receiver.Requests);
        Assert.Contains(_logs.Lines, l => l.Text.StartsWith("Notice delivery stopped: 0 send(s) in flight drained and reported, 0 cut off", StringComparison.Ordinal)
            && l.Text.Contains("; 1 not yet attempting left pending", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnAttemptThatFailsDuringTheDrainIsNotRetriedAndReportsNothing()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.StallFor = _ => TimeSpan.FromSeconds(1);
        receiver.StatusFor = _ => 503;
        using var host = await StartAsync(new() { ["Notifications:Delivery:MaxAttempts"] = "3", ["Notifications:Delivery:DrainTimeout"] = "PT10S" });
        var notice = Notices.Webhook(receiver.UrlFor());

        Dispatcher(host).Dispatch(notice);
        await Eventually.HoldsAsync(() => receiver.Requests.Count == 1, "the first attempt reaches the receiver");
        await host.StopAsync();
        await Task.Delay(200);

        Assert.Single(receiver.Requests);
        Assert.Empty(_outcomes.Reports);
    }

    [Fact]
    public async Task ASendStillRunningAtTheDrainTimeoutIsCutOffAndReportsNothing()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.StallFor = _ => TimeSpan.FromSeconds(10);
        using var host = await StartAsync(new()
        {
            ["Notifications:Delivery:AttemptTimeout"] = "PT30S",
            ["Notifications:Delivery:DrainTimeout"] = "PT0.5S",
        });
        var notice = Notices.Webhook(receiver.UrlFor());

        Dispatcher(host).Dispatch(notice);
        await Eventually.HoldsAsync(() => receiver.Requests.Count == 1, "the send reaches the receiver");
        var clock = Stopwatch.StartNew();
        await host.StopAsync();

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"the stop took {clock.Elapsed.TotalSeconds:0.0} s with a drain timeout of 0.5 s");
        Assert.Empty(_outcomes.Reports);
        Assert.Equal(0, receiver.Successes);
        Assert.Contains(_logs.Lines, l => l.Text.StartsWith("Notice delivery stopped: 0 send(s) in flight drained and reported, 1 cut off", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ANoticeWaitingForASendSlotWhenTheHostStopsIsNeverSent()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.StallFor = _ => TimeSpan.FromSeconds(1);
        using var host = await StartAsync(new() { ["Notifications:Delivery:Concurrency"] = "1", ["Notifications:Delivery:DrainTimeout"] = "PT10S" });
        var sending = Notices.Webhook(receiver.UrlFor());
        var waiting = Notices.Webhook(receiver.UrlFor());

        Dispatcher(host).Dispatch(sending);
        await Eventually.HoldsAsync(() => receiver.Requests.Count == 1, "the first notice holds the only send slot");
        Dispatcher(host).Dispatch(waiting);
        await host.StopAsync();
        await Task.Delay(200);

        Assert.Equal(sending.NoticeId, Assert.Single(receiver.Requests).Id);
        Assert.Equal(DeliveryResult.Sent, Assert.Single(_outcomes.Reports).Outcome.Result);
        Assert.Contains(_logs.Lines, l => l.Text.StartsWith("Notice delivery stopped: 1 send(s) in flight drained and reported, 0 cut off", StringComparison.Ordinal)
            && l.Text.Contains("; 1 not yet attempting left pending", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("PT0S")]
    [InlineData("-PT1S")]
    [InlineData("PT30S")]
    [InlineData("PT1M")]
    [InlineData("soon")]
    public async Task ADrainTimeoutThatIsNotWithinTheShutdownTimeoutStopsTheStart(string value)
    {
        using var host = DeliveryHost.Build(new() { ["Notifications:Delivery:DrainTimeout"] = value });

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(
            "Notifications:Delivery:DrainTimeout must be an ISO 8601 duration longer than zero and shorter than the host's shutdown timeout (PT30S)",
            failure.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void TheDrainTimeoutIsTwentySecondsByDefault() => Assert.Equal("PT20S", new DeliveryOptions().DrainTimeout);

    private static INoticeDispatcher Dispatcher(IHost host) => host.Services.GetRequiredService<INoticeDispatcher>();

    private async Task<IHost> StartAsync(Dictionary<string, string?> settings)
    {
        var host = DeliveryHost.Build(settings, outcomes: _outcomes, logs: _logs);
        await host.StartAsync();
        return host;
    }
}
