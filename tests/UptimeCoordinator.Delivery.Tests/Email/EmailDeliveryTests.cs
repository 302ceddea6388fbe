using System.Net;
using System.Net.Sockets;
using MimeKit;
using UptimeCoordinator.Delivery.Tests.Support;

namespace UptimeCoordinator.Delivery.Tests.Email;

public sealed class EmailDeliveryTests
{
    [Fact]
    public async Task EmailIsSentWithSubjectRecipientHeadersAndBothParts()
    {
        await using var smtp = new SmtpTestServer();
        await using var host = await DeliveryHost.StartAsync(DeliveryHost.Smtp(smtp));
        var notice = Notices.Email();

        host.Dispatcher.Dispatch(notice);

        var outcome = await host.Outcomes.WaitForAsync(notice.NoticeId);
        Assert.Equal(DeliveryResult.Sent, outcome.Result);
        Assert.Equal(1, outcome.Attempts);
        Assert.Null(outcome.Error);
        var message = Assert.Single(smtp.Messages);
        Assert.Equal("Checkout is down", message.Subject);
        var to = Assert.IsType<MailboxAddress>(Assert.Single(message.To));
        Assert.Equal(("Ada Lovelace", "ada@client.example"), (to.Name, to.Address));
        var from = Assert.IsType<MailboxAddress>(Assert.Single(message.From));
        Assert.Equal(("Uptime Coordinator", "uptime@status.example"), (from.Name, from.Address));
        Assert.Equal(notice.NoticeId.Replace(':', '.') + "@status.example", message.MessageId);
        Assert.Equal(notice.NoticeId, message.Headers["X-Uptime-Notice-Id"]);
        Assert.Equal("incident.detected", message.Headers["X-Uptime-Notice-Kind"]);
        Assert.IsType<MultipartAlternative>(message.Body);
        Assert.NotNull(message.TextBody);
        Assert.Equal(Notices.Content.Text, message.TextBody.ReplaceLineEndings("\n").TrimEnd('\n'));
        Assert.Contains("<b>09:00 UTC</b>", message.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EmailRetriedAfterTwoBusyRepliesIsSentOnceWithTheAttemptsCounted()
    {
        await using var smtp = new SmtpTestServer { BusyDataReplies = 2 };
        await using var host = await DeliveryHost.StartAsync(DeliveryHost.Smtp(smtp));
        var notice = Notices.Email();

        host.Dispatcher.Dispatch(notice);

        var outcome = await host.Outcomes.WaitForAsync(notice.NoticeId);
        Assert.Equal((DeliveryResult.Sent, 3), (outcome.Result, outcome.Attempts));
        Assert.Equal(3, smtp.DataCommands);
        var message = Assert.Single(smtp.Messages);
        Assert.Equal(notice.NoticeId, message.Headers["X-Uptime-Notice-Id"]);
    }

    [Fact]
    public async Task EmailRefusedAtMailFromWithA4xxReplyIsRetried()
    {
        await using var smtp = new SmtpTestServer { BusyMailReplies = 1 };
        await using var host = await DeliveryHost.StartAsync(DeliveryHost.Smtp(smtp));
        var notice = Notices.Email();

        host.Dispatcher.Dispatch(notice);

        var outcome = await host.Outcomes.WaitForAsync(notice.NoticeId);
        Assert.Equal((DeliveryResult.Sent, 2), (outcome.Result, outcome.Attempts));
        Assert.Single(smtp.Messages);
    }

    [Fact]
    public async Task EmailRefusedWithA5xxReplyFailsAtOnce()
    {
        await using var smtp = new SmtpTestServer { RefuseRecipients = true };
        await using var host = await DeliveryHost.StartAsync(DeliveryHost.Smtp(smtp));
        var notice = Notices.Email();

        host.Dispatcher.Dispatch(notice);

        var outcome = await host.Outcomes.WaitForAsync(notice.NoticeId);
        Assert.Equal((DeliveryResult.Failed, 1), (outcome.Result, outcome.Attempts));
        Assert.StartsWith("SMTP 550", outcome.Error, StringComparison.Ordinal);
        Assert.Empty(smtp.Messages);
    }

    [Fact]
    public async Task EmailWithoutAnSmtpHostIsDeferredAndNothingIsSent()
    {
        await using var smtp = new SmtpTestServer();
        await using var host = await DeliveryHost.StartAsync();
        var notice = Notices.Email();

        host.Dispatcher.Dispatch(notice);

        var outcome = await host.Outcomes.WaitForAsync(notice.NoticeId);
        Assert.Equal(DeliveryResult.Deferred, outcome.Result);
        Assert.Equal(0, outcome.Attempts);
        Assert.Equal("email is not configured: set Notifications:Smtp:Host", outcome.Error);
        Assert.Equal(0, smtp.Connections);
    }

    [Fact]
    public async Task EmailWithAUserNameAuthenticatesBeforeSending()
    {
        await using var smtp = new SmtpTestServer();
        var settings = DeliveryHost.Smtp(smtp);
        settings["Notifications:Smtp:UserName"] = "notices";
        settings["Notifications:Smtp:Password"] = "correct horse battery staple";
        await using var host = await DeliveryHost.StartAsync(settings);
        var notice = Notices.Email();

        host.Dispatcher.Dispatch(notice);

        Assert.Equal(DeliveryResult.Sent, (await host.Outcomes.WaitForAsync(notice.NoticeId)).Result);
        Assert.Equal(["notices"], smtp.Logins);
        Assert.DoesNotContain(host.Logs.Lines, line => line.Text.Contains("battery staple", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EmailToARelayThatRefusesConnectionsFailsAfterEveryAttempt()
    {
        var closed = new TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var port = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();
        await using var host = await DeliveryHost.StartAsync(new()
        {
            ["Notifications:Smtp:Host"] = "127.0.0.1",
            ["Notifications:Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Notifications:Smtp:From"] = "uptime@status.example",
            ["Notifications:Smtp:UseTls"] = "false",
            ["Notifications:Delivery:MaxAttempts"] = "3",
        });
        var notice = Notices.Email();

        host.Dispatcher.Dispatch(notice);

        var outcome = await host.Outcomes.WaitForAsync(notice.NoticeId);
        Assert.Equal((DeliveryResult.Failed, 3, "connection refused"), (outcome.Result, outcome.Attempts, outcome.Error));
    }
}
