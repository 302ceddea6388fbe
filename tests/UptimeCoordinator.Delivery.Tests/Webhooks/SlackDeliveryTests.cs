using System.Text.Json;
using UptimeCoordinator.Delivery.Tests.Support;
using UptimeCoordinator.Domain.Notices;

namespace UptimeCoordinator.Delivery.Tests.Webhooks;

public sealed class SlackDeliveryTests
{
    [Fact]
    public async Task SlackNoticeIsPostedAsTextWithABoldSubject()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var host = await DeliveryHost.StartAsync();
        var notice = Notices.Slack(receiver.UrlFor("/services/T000/B000/XXXX"));

        host.Dispatcher.Dispatch(notice);

        Assert.Equal(DeliveryResult.Sent, (await host.Outcomes.WaitForAsync(notice.NoticeId)).Result);
        var request = Assert.Single(receiver.Requests);
        Assert.StartsWith("application/json", request.ContentType, StringComparison.Ordinal);
        using var body = JsonDocument.Parse(request.Body);
        var property = Assert.Single(body.RootElement.EnumerateObject());
        Assert.Equal("text", property.Name);
        Assert.Equal($"*Checkout is down*\n{Notices.Content.Text}", property.Value.GetString());
    }

    [Fact]
    public async Task SlackMarkupAndJsonSpecialCharactersInTheNoticeAreEscaped()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var host = await DeliveryHost.StartAsync();
        var content = new NoticeContent("<!channel> Payments & \"Checkout\"", "Line one\nback\\slash <https://evil.example|click>", "<p>x</p>");
        var notice = Notices.Slack(receiver.UrlFor(), content);

        host.Dispatcher.Dispatch(notice);

        Assert.Equal(DeliveryResult.Sent, (await host.Outcomes.WaitForAsync(notice.NoticeId)).Result);
        using var body = JsonDocument.Parse(Assert.Single(receiver.Requests).Body);
        Assert.Equal(
            "*&lt;!channel&gt; Payments &amp; \"Checkout\"*\nLine one\nback\\slash &lt;https://evil.example|click&gt;",
            body.RootElement.GetProperty("text").GetString());
    }

    [Fact]
    public async Task SlackFailuresFollowTheSameRetryRules()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.StatusFor = n => n == 1 ? 500 : 404;
        await using var host = await DeliveryHost.StartAsync();
        var notice = Notices.Slack(receiver.UrlFor());

        host.Dispatcher.Dispatch(notice);

        var outcome = await host.Outcomes.WaitForAsync(notice.NoticeId);
        Assert.Equal((DeliveryResult.Failed, 2, "HTTP 404 Not Found"), (outcome.Result, outcome.Attempts, outcome.Error));
    }
}
