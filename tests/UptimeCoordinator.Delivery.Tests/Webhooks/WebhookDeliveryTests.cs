using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using UptimeCoordinator.Delivery.Tests.Support;

namespace UptimeCoordinator.Delivery.Tests.Webhooks;

public sealed class WebhookDeliveryTests
{
    [Fact]
    public async Task WebhookSignedWithAStandardWebhooksSecretVerifiesAtTheReceiver()
    {
        var secret = "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));
        await using var receiver = await WebhookReceiver.StartAsync(secret);
        await using var host = await DeliveryHost.StartAsync();
        var notice = Notices.Webhook(receiver.UrlFor(), secret);

        host.Dispatcher.Dispatch(notice);

        Assert.Equal(DeliveryResult.Sent, (await host.Outcomes.WaitForAsync(notice.NoticeId)).Result);
        var request = Assert.Single(receiver.Requests);
        Assert.True(request.SignatureVerified, request.Signature);
        Assert.StartsWith("v1,", request.Signature, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WebhookSignedWithAPlainSecretVerifiesAtTheReceiver()
    {
        const string secret = "a plain shared secret, not base64";
        await using var receiver = await WebhookReceiver.StartAsync(secret);
        await using var host = await DeliveryHost.StartAsync();
        var notice = Notices.Webhook(receiver.UrlFor(), secret);

        host.Dispatcher.Dispatch(notice);

        Assert.Equal(DeliveryResult.Sent, (await host.Outcomes.WaitForAsync(notice.NoticeId)).Result);
        Assert.True(Assert.Single(receiver.Requests).SignatureVerified);
    }

    [Fact]
    public async Task WebhookWithoutASecretCarriesTheIdTimestampAndBodyButNoSignature()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var host = await DeliveryHost.StartAsync();
        var notice = Notices.Webhook(receiver.UrlFor("/hooks/uptime?team=ops"));
        var before = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        host.Dispatcher.Dispatch(notice);

        Assert.Equal(DeliveryResult.Sent, (await host.Outcomes.WaitForAsync(notice.NoticeId)).Result);
        var request = Assert.Single(receiver.Requests);
        Assert.Null(request.Signature);
        Assert.Equal(notice.NoticeId, request.Id);
        Assert.InRange(long.Parse(request.Timestamp!, CultureInfo.InvariantCulture), before, DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        Assert.StartsWith("application/json", request.ContentType, StringComparison.Ordinal);
        Assert.Equal("/hooks/uptime?team=ops", request.PathAndQuery);
        Assert.Equal(Encoding.UTF8.GetBytes(notice.Payload!), request.Body);
    }

    [Fact]
    public async Task WebhookTimestampIsTheUnixTimeOfTheAttemptByTheInjectedClock()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero));
        await using var receiver = await WebhookReceiver.StartAsync("whsec_" + Convert.ToBase64String(new byte[32]));
        await using var host = await DeliveryHost.StartAsync(time: clock);
        var notice = Notices.Webhook(receiver.UrlFor(), receiver.Secret);

        host.Dispatcher.Dispatch(notice);

        var outcome = await host.Outcomes.WaitForAsync(notice.NoticeId);
        var request = Assert.Single(receiver.Requests);
        Assert.Equal(clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), request.Timestamp);
        Assert.True(request.SignatureVerified);
        Assert.Equal(clock.GetUtcNow(), outcome.At);
    }

    [Fact]
    public async Task WebhookRetriedAfterTwoFailuresIsDeliveredOnceWithTheSameId()
    {
        await using var receiver = await WebhookReceiver.StartAsync("whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        receiver.StatusFor = n => n <= 2 ? 503 : 204;
        await using var host = await DeliveryHost.StartAsync();
        var notice = Notices.Webhook(receiver.UrlFor(), receiver.Secret);

        host.Dispatcher.Dispatch(notice);

        var outcome = await host.Outcomes.WaitForAsync(notice.NoticeId);
        Assert.Equal((DeliveryResult.Sent, 3, (string?)null), (outcome.Result, outcome.Attempts, outcome.Error));
        var requests = receiver.Requests;
        Assert.Equal(3, requests.Count);
        Assert.All(requests, r => Assert.Equal(notice.NoticeId, r.Id));
        Assert.All(requests, r => Assert.Equal(requests[0].Body, r.Body));
        Assert.All(requests, r => Assert.True(r.SignatureVerified));
        Assert.Equal(1, receiver.Successes);
        Assert.Single(host.Outcomes.For(notice.NoticeId));
    }

    [Fact]
    public async Task WebhookThatAlwaysAnswers503FailsAfterMaxAttemptsWithTheLastError()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.StatusFor = _ => 503;
        await using var host = await DeliveryHost.StartAsync(new() { ["Notifications:Delivery:MaxAttempts"] = "4" });
        var notice = Notices.Webhook(receiver.UrlFor());

        host.Dispatcher.Dispatch(notice);

        var outcome = await host.Outcomes.WaitForAsync(notice.NoticeId);
        Assert.Equal((DeliveryResult.Failed, 4, "HTTP 503 Service Unavailable"), (outcome.Result, outcome.Attempts, outcome.Error));
        Assert.Equal(4, receiver.Requests.Count);
    }

    [Fact]
    public async Task WebhookAnswered429IsRetried()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.StatusFor = n => n == 1 ? 429 : 200;
        await using var host = await DeliveryHost.StartAsync();
        var notice = Notices.Webhook(receiver.UrlFor());

        host.Dispatcher.Dispatch(notice);

        var outcome = await host.Outcomes.WaitForAsync(notice.NoticeId);
        Assert.Equal((DeliveryResult.Sent, 2), (outcome.Result, outcome.Attempts));
    }

    [Fact]
    public async Task WebhookAnswered400FailsAfterOneAttempt()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.StatusFor = _ => 400;
        await using var host = await DeliveryHost.StartAsync();
        var notice = Notices.Webhook(receiver.UrlFor());

        host.Dispatcher.Dispatch(notice);

        var outcome = await host.Outcomes.WaitForAsync(notice.NoticeId);
        Assert.Equal((DeliveryResult.Failed, 1, "HTTP 400 Bad Request"), (outcome.Result, outcome.Attempts, outcome.Error));
        Assert.Single(receiver.Requests);
    }

    [Fact]
    public async Task WebhookRedirectIsNotFollowedAndFailsAtOnce()
    {
        await using var target = await WebhookReceiver.StartAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.StatusFor = _ => 302;
        receiver.RedirectTo = target.UrlFor("/elsewhere");
        await using var host = await DeliveryHost.StartAsync();
        var notice = Notices.Webhook(receiver.UrlFor());

        host.Dispatcher.Dispatch(notice);

        var outcome = await host.Outcomes.WaitForAsync(notice.NoticeId);
        Assert.Equal((DeliveryResult.Failed, 1), (outcome.Result, outcome.Attempts));
        Assert.Equal("HTTP 302 Found: redirects are not followed", outcome.Error);
        Assert.Single(receiver.Requests);
        Assert.Empty(target.Requests);
    }

    [Fact]
    public async Task WebhookThatDoesNotAnswerWithinTheAttemptTimeoutIsRetried()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.StallFor = n => n == 1 ? TimeSpan.FromSeconds(10) : TimeSpan.Zero;
        await using var host = await DeliveryHost.StartAsync(new() { ["Notifications:Delivery:AttemptTimeout"] = "PT0.3S" });
        var notice = Notices.Webhook(receiver.UrlFor());

        host.Dispatcher.Dispatch(notice);

        var outcome = await host.Outcomes.WaitForAsync(notice.NoticeId);
        Assert.Equal((DeliveryResult.Sent, 2), (outcome.Result, outcome.Attempts));
        Assert.Equal(1, receiver.Successes);
        Assert.Contains(host.Logs.Lines, line => line.Text.Contains("no answer within 0.3 s", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WebhookWithAMalformedStandardSecretFailsWithoutBeingSent()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var host = await DeliveryHost.StartAsync();
        var notice = Notices.Webhook(receiver.UrlFor(), "whsec_not*base64!");

        host.Dispatcher.Dispatch(notice);

        var outcome = await host.Outcomes.WaitForAsync(notice.NoticeId);
        Assert.Equal((DeliveryResult.Failed, 1), (outcome.Result, outcome.Attempts));
        Assert.Contains("not base64", outcome.Error, StringComparison.Ordinal);
        Assert.Empty(receiver.Requests);
    }
}
