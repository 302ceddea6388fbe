using UptimeCoordinator.Delivery.Tests.Support;

namespace UptimeCoordinator.Delivery.Tests.Dispatching;

public sealed class DeliveryLoggingTests
{
    [Fact]
    public async Task NoLogLineCarriesAUrlPathASecretAPasswordOrABody()
    {
        const string password = "pa55word-never-logged";
        const string secret = "plain-secret-never-logged";
        await using var smtp = new SmtpTestServer { BusyDataReplies = 1 };
        await using var receiver = await WebhookReceiver.StartAsync(secret);
        receiver.StatusFor = n => n == 1 ? 503 : 400;
        var settings = DeliveryHost.Smtp(smtp);
        settings["Notifications:Smtp:UserName"] = "notices";
        settings["Notifications:Smtp:Password"] = password;
        await using var host = await DeliveryHost.StartAsync(settings);
        var notices = new[]
        {
            Notices.Email(),
            Notices.Webhook(receiver.UrlFor("/hooks/token-in-path?key=token-in-query"), secret),
            Notices.Slack(receiver.UrlFor("/services/T000/B000/slack-token-in-path")),
        };

        foreach (var notice in notices)
        {
            host.Dispatcher.Dispatch(notice);
        }

        foreach (var notice in notices)
        {
            await host.Outcomes.WaitForAsync(notice.NoticeId);
        }

        Assert.NotEmpty(host.Logs.Lines);
        string[] forbidden = [password, secret, "token-in-path", "token-in-query", "slack-token-in-path", "Checkout has been down", "incident.detected\",\"channel"];
        foreach (var line in host.Logs.Lines)
        {
            Assert.All(forbidden, word => Assert.DoesNotContain(word, line.Text, StringComparison.Ordinal));
        }

        Assert.All(host.Outcomes.Reports, r => Assert.All(forbidden, word => Assert.DoesNotContain(word, r.Outcome.Error ?? "", StringComparison.Ordinal)));
    }
}
