using UptimeCoordinator.Delivery.Tests.Support;

namespace UptimeCoordinator.Delivery.Tests.Dispatching;

public sealed class CircuitBreakerTests
{
    [Fact]
    public async Task RepeatedFailuresOpenTheCircuitOfThatEndpointOnly()
    {
        await using var failing = await WebhookReceiver.StartAsync();
        failing.StatusFor = _ => 503;
        await using var healthy = await WebhookReceiver.StartAsync();
        await using var host = await DeliveryHost.StartAsync(new() { ["Notifications:Delivery:MaxAttempts"] = "3" });

        DeliveryOutcome? refused = null;
        var requestsBefore = 0;
        for (var i = 0; i < 10 && refused is null; i++)
        {
            requestsBefore = failing.Requests.Count;
            var notice = Notices.Webhook(failing.UrlFor());
            host.Dispatcher.Dispatch(notice);
            var outcome = await host.Outcomes.WaitForAsync(notice.NoticeId);
            Assert.Equal(DeliveryResult.Failed, outcome.Result);
            refused = outcome.Attempts == 0 ? outcome : null;
        }

        Assert.NotNull(refused);
        Assert.Equal(requestsBefore, failing.Requests.Count);
        Assert.Contains($"circuit open for http://127.0.0.1:{failing.Port}", refused.Error, StringComparison.Ordinal);
        var elsewhere = Notices.Webhook(healthy.UrlFor());
        host.Dispatcher.Dispatch(elsewhere);
        Assert.Equal(DeliveryResult.Sent, (await host.Outcomes.WaitForAsync(elsewhere.NoticeId)).Result);
    }
}
