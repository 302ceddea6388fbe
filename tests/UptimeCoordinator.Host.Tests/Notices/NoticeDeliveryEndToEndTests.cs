using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using UptimeCoordinator.Host.Tests.Http;
using UptimeCoordinator.Host.Tests.Infrastructure;
using Xunit.Abstractions;

namespace UptimeCoordinator.Host.Tests.Notices;

/// <summary>
/// The issue's "done when": a down event makes every subscribed contact, and only those, receive one
/// incident.detected email or signed webhook; the up event one incident.resolved; status and the
/// notice log show it all. Real SMTP, real HTTP, real host.
/// </summary>
public sealed class NoticeDeliveryEndToEndTests(ITestOutputHelper output)
{
    private static string Kind(MimeKit.MimeMessage message) => message.Headers["X-Uptime-Notice-Kind"] ?? "";

    private static string Type(Delivery.Tests.Support.ReceivedWebhook hook) =>
        JsonDocument.Parse(hook.Body).RootElement.GetProperty("type").GetString()!;

    [Fact]
    public async Task EverySubscribedContactAndOnlyThoseHearOfTheOutageAndOfItsEndOnce()
    {
        await using var rig = await NoticeRig.StartAsync();
        var api = rig.Api;
        await api.CreateServiceAsync("db", new { name = "Customer database" });
        await api.CreateServiceAsync("checkout", new { name = "Checkout", dependsOn = new[] { "db" } });
        await api.CreateServiceAsync("billing", new { name = "Billing" });
        await rig.CreateClientAsync("acme", ["db"], NoticeRig.EmailContact("alice"), rig.WebhookContact("bot", "/hooks/acme"));
        await rig.CreateClientAsync("globex", ["checkout"], NoticeRig.EmailContact("carol"));
        await rig.CreateClientAsync("initech", ["billing"], NoticeRig.EmailContact("dave"));

        var clock = Stopwatch.StartNew();
        await api.RecordAsync(new EventBody("db", "down", TestTime.Now, "blackbox", "tcp", "connection refused", "e2e-1"));
        await Eventually.HoldsAsync(() => rig.Smtp.Messages.Count >= 2 && rig.Receiver.Successes >= 1, "both emails and the webhook of the outage");
        output.WriteLine($"down event to the last incident.detected delivery: {clock.ElapsedMilliseconds} ms");

        var detectedMail = rig.Smtp.Messages;
        Assert.Equal(["alice@clients.example", "carol@clients.example"], detectedMail.Select(m => m.To.Mailboxes.Single().Address).Order());
        Assert.All(detectedMail, m => Assert.Equal("incident.detected", Kind(m)));
        Assert.All(detectedMail, m => Assert.False(string.IsNullOrWhiteSpace(m.HtmlBody)));
        Assert.Contains("depends on Customer database", detectedMail.Single(m => m.To.Mailboxes.Single().Address.StartsWith("carol", StringComparison.Ordinal)).TextBody, StringComparison.Ordinal);
        var hook = Assert.Single(rig.Receiver.Requests);
        Assert.True(hook.SignatureVerified, "the webhook's Standard Webhooks signature verifies with the contact's secret");
        Assert.Equal("incident.detected", Type(hook));
        Assert.StartsWith($"{await api.OpenIncidentIdAsync("db")}:incident.detected:", hook.Id, StringComparison.Ordinal);

        var status = await rig.GetAsync("/api/v1/clients/acme/status");
        Assert.Equal("major_outage", status.Str("status"));
        var incident = status.GetProperty("incidents")[0];
        Assert.Equal("detected", incident.Str("stage"));
        Assert.Equal("connection refused", incident.GetProperty("latestUpdate").Str("message"));
        Assert.True(incident.IsNull("eta"));
        Assert.False(incident.IsNull("nextUpdateBy"));
        Assert.Matches("^P(T.*)?$", incident.Str("ongoingFor"));
        var viaDependency = (await rig.GetAsync("/api/v1/clients/globex/status")).GetProperty("affectedServices")[0];
        Assert.Equal(("checkout", "partial_outage", "db"), (viaDependency.Str("serviceId"), viaDependency.Str("status"), viaDependency.Str("via")));
        await Eventually.HoldsAsync(async () => (await rig.NoticesAsync("acme")) is { Count: 2 } log && log.All(n => n.Str("state") == "sent"), "acme's notices recorded as sent");

        await api.RecordAsync(new EventBody("db", "up", TestTime.Now.AddSeconds(1), "blackbox", "tcp", null, "e2e-2"));
        await Eventually.HoldsAsync(() => rig.Smtp.Messages.Count >= 4 && rig.Receiver.Successes >= 2, "both emails and the webhook of the resolution");

        var mail = rig.Smtp.Messages;
        Assert.Equal(4, mail.Count);
        Assert.Equal(
            ["alice@clients.example incident.detected", "alice@clients.example incident.resolved", "carol@clients.example incident.detected", "carol@clients.example incident.resolved"],
            mail.Select(m => $"{m.To.Mailboxes.Single().Address} {Kind(m)}").Order(StringComparer.Ordinal));
        Assert.Equal(mail.Count, mail.Select(m => m.MessageId).Distinct().Count());
        Assert.Equal(["incident.detected", "incident.resolved"], rig.Receiver.Requests.Select(Type));
        Assert.All(rig.Receiver.Requests, r => Assert.True(r.SignatureVerified));
        Assert.DoesNotContain(mail, m => m.To.Mailboxes.Single().Address.StartsWith("dave", StringComparison.Ordinal));
        Assert.Empty(await rig.NoticesAsync("initech"));

        await Eventually.HoldsAsync(async () => (await rig.NoticesAsync("acme")).Count(n => n.Str("state") == "sent") == 4, "acme's four notices recorded as sent");
        var log = await rig.NoticesAsync("acme");
        Assert.Equal(["incident.resolved", "incident.resolved", "incident.detected", "incident.detected"], log.Select(n => n.Str("kind")));
        Assert.All(log, n => Assert.Equal(1, n.GetProperty("attempts").GetInt32()));
        Assert.All(log, n => Assert.False(n.IsNull("sentAt")));
        Assert.Empty((await rig.GetAsync("/api/v1/clients/acme/status")).GetProperty("incidents").EnumerateArray());

        var logged = string.Join('\n', rig.Logs.Lines.Select(l => l.Text));
        Assert.DoesNotContain(NoticeRig.SmtpPassword, logged, StringComparison.Ordinal);
        Assert.DoesNotContain(NoticeRig.WebhookSecret["whsec_".Length..], logged, StringComparison.Ordinal);
        Assert.DoesNotContain("/hooks/acme", logged, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AReceiverThatFailsTwiceGetsTheNoticeOnTheThirdAttemptUnderTheSameIdAndNoMore()
    {
        await using var rig = await NoticeRig.StartAsync();
        rig.Receiver.StatusFor = n => n <= 2 ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status204NoContent;
        await rig.Api.CreateServiceAsync("api");
        await rig.CreateClientAsync("acme", ["api"], rig.WebhookContact("bot", "/hooks/flaky"));

        await rig.Api.RecordAsync(EventBody.Down("api", TestTime.Now));

        await Eventually.HoldsAsync(async () => (await rig.NoticesAsync("acme")) is [var only] && only.Str("state") == "sent", "the notice recorded as sent");
        var requests = rig.Receiver.Requests;
        Assert.Equal(3, requests.Count);
        Assert.Equal(1, rig.Receiver.Successes);
        Assert.Single(requests.Select(r => r.Id).Distinct());
        Assert.Single(requests.Select(r => r.BodyText).Distinct());
        Assert.All(requests, r => Assert.True(r.SignatureVerified));
        var notice = (await rig.NoticesAsync("acme")).Single();
        Assert.Equal(3, notice.GetProperty("attempts").GetInt32());
        Assert.Equal(requests[0].Id, notice.Str("id"));
        Assert.Equal(rig.Receiver.BaseUrl.GetLeftPart(UriPartial.Authority), notice.Str("to"));
    }

    [Fact]
    public async Task AReceiverThatNeverRecoversLeavesTheNoticeFailedWithTheLastError()
    {
        await using var rig = await NoticeRig.StartAsync(new() { ["Notifications:Delivery:MaxAttempts"] = "3" });
        rig.Receiver.StatusFor = _ => StatusCodes.Status500InternalServerError;
        await rig.Api.CreateServiceAsync("api");
        await rig.CreateClientAsync("acme", ["api"], rig.WebhookContact("bot", "/hooks/dead"));

        await rig.Api.RecordAsync(EventBody.Down("api", TestTime.Now));

        await Eventually.HoldsAsync(async () => (await rig.NoticesAsync("acme")) is [var only] && only.Str("state") == "failed", "the notice recorded as failed");
        var notice = (await rig.NoticesAsync("acme")).Single();
        Assert.Equal(3, notice.GetProperty("attempts").GetInt32());
        Assert.Contains("500", notice.Str("lastError"), StringComparison.Ordinal);
        Assert.Equal(3, rig.Receiver.Requests.Count);
    }

    [Fact]
    public async Task AThousandClientsOfOneServiceEachGetExactlyOneOutageNotice()
    {
        const int clients = 1000;
        await using var rig = await NoticeRig.StartAsync();
        await rig.Api.CreateServiceAsync("core");
        var ids = Enumerable.Range(0, clients).Select(i => $"client-{i:D4}").ToArray();
        foreach (var chunk in ids.Chunk(50))
        {
            await Task.WhenAll(chunk.Select(id => rig.CreateClientAsync(id, ["core"], rig.WebhookContact("ops", $"/hooks/{id}"))));
        }

        var clock = Stopwatch.StartNew();
        await rig.Api.RecordAsync(EventBody.Down("core", TestTime.Now));
        await Eventually.HoldsAsync(() => rig.Receiver.Successes >= clients, $"{clients} webhooks", seconds: 90);
        output.WriteLine($"down event to the {clients}th incident.detected webhook: {clock.ElapsedMilliseconds} ms");

        var requests = rig.Receiver.Requests;
        Assert.Equal(clients, requests.Count);
        Assert.Equal(ids.Select(id => $"/hooks/{id}"), requests.Select(r => r.PathAndQuery).Order(StringComparer.Ordinal));
        Assert.Equal(clients, requests.Select(r => r.Id).Distinct().Count());
        Assert.All(requests, r => Assert.Equal("incident.detected", Type(r)));
        Assert.All(requests, r => Assert.True(r.SignatureVerified));
    }

    [Fact]
    public async Task WithoutSmtpAnEmailNoticeStaysPendingAndSaysWhy()
    {
        await using var app = new CoordinatorApp();
        using var api = new CoordinatorClient(app);
        await api.WaitUntilReadyAsync();
        await api.CreateServiceAsync("api");
        using var put = await api.Ops.PutAsync("/api/v1/clients/acme", Json.Content(new
        {
            name = "Acme",
            timeZone = "UTC",
            subscriptions = new[] { new { serviceId = "api" } },
            contacts = new[] { NoticeRig.EmailContact("alice") },
        }));
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);

        await api.RecordAsync(EventBody.Down("api", TestTime.Now));

        JsonElement notice = default;
        await Eventually.HoldsAsync(async () =>
        {
            using var response = await api.Ops.GetAsync("/api/v1/clients/acme/notices");
            var items = (await response.ReadJsonAsync()).GetProperty("items");
            notice = items.GetArrayLength() == 1 ? items[0] : default;
            return notice.ValueKind == JsonValueKind.Object && !notice.IsNull("lastError");
        }, "the notice to carry its reason");
        Assert.Equal("pending", notice.Str("state"));
        Assert.Contains("Notifications:Smtp:Host", notice.Str("lastError"), StringComparison.Ordinal);
        Assert.Equal(0, notice.GetProperty("attempts").GetInt32());
    }
}
