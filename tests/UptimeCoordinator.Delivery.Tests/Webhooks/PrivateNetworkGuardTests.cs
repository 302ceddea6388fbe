using UptimeCoordinator.Delivery.Tests.Support;

namespace UptimeCoordinator.Delivery.Tests.Webhooks;

public sealed class PrivateNetworkGuardTests
{
    [Fact]
    public async Task WebhookToLocalhostIsRefusedAtConnectWhenPrivateNetworksAreOff()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var host = await DeliveryHost.StartAsync(allowPrivateNetworksByDefault: false);
        var notice = Notices.Webhook(new Uri($"http://localhost:{receiver.Port}/hooks/uptime"));

        host.Dispatcher.Dispatch(notice);

        var outcome = await host.Outcomes.WaitForAsync(notice.NoticeId);
        Assert.Equal((DeliveryResult.Failed, 1), (outcome.Result, outcome.Attempts));
        Assert.StartsWith("refused: localhost resolves to a private or loopback address", outcome.Error, StringComparison.Ordinal);
        Assert.Contains("Notifications:Webhooks:AllowPrivateNetworks is off", outcome.Error, StringComparison.Ordinal);
        Assert.Empty(receiver.Requests);
    }

    [Fact]
    public async Task WebhookToALiteralLoopbackAddressIsRefused()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var host = await DeliveryHost.StartAsync(allowPrivateNetworksByDefault: false);
        var notice = Notices.Webhook(receiver.UrlFor());

        host.Dispatcher.Dispatch(notice);

        var outcome = await host.Outcomes.WaitForAsync(notice.NoticeId);
        Assert.Equal((DeliveryResult.Failed, 1), (outcome.Result, outcome.Attempts));
        Assert.StartsWith("refused: 127.0.0.1 is a private or loopback address", outcome.Error, StringComparison.Ordinal);
        Assert.Empty(receiver.Requests);
    }

    [Fact]
    public async Task SlackToAPrivateAddressIsRefusedToo()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var host = await DeliveryHost.StartAsync(allowPrivateNetworksByDefault: false);
        var notice = Notices.Slack(new Uri($"http://localhost:{receiver.Port}/services/T000/B000/XXXX"));

        host.Dispatcher.Dispatch(notice);

        var outcome = await host.Outcomes.WaitForAsync(notice.NoticeId);
        Assert.Equal(DeliveryResult.Failed, outcome.Result);
        Assert.StartsWith("refused:", outcome.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("/services", outcome.Error, StringComparison.Ordinal);
        Assert.Empty(receiver.Requests);
    }

    [Fact]
    public async Task ConfigurationOverridesThePrivateNetworkDefault()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var allowed = await DeliveryHost.StartAsync(
            new() { ["Notifications:Webhooks:AllowPrivateNetworks"] = "true" }, allowPrivateNetworksByDefault: false);
        await using var refused = await DeliveryHost.StartAsync(
            new() { ["Notifications:Webhooks:AllowPrivateNetworks"] = "false" }, allowPrivateNetworksByDefault: true);
        var first = Notices.Webhook(receiver.UrlFor());
        var second = Notices.Webhook(receiver.UrlFor());

        allowed.Dispatcher.Dispatch(first);
        refused.Dispatcher.Dispatch(second);

        Assert.Equal(DeliveryResult.Sent, (await allowed.Outcomes.WaitForAsync(first.NoticeId)).Result);
        Assert.Equal(DeliveryResult.Failed, (await refused.Outcomes.WaitForAsync(second.NoticeId)).Result);
        Assert.Equal(first.NoticeId, Assert.Single(receiver.Requests).Id);
    }
}
