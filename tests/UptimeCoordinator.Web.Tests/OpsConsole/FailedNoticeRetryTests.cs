using Microsoft.Playwright;
using UptimeCoordinator.Host.Tests.Infrastructure;
using UptimeCoordinator.Web.Tests.Infrastructure;

namespace UptimeCoordinator.Web.Tests.OpsConsole;

public sealed class FailedNoticeRetryTests(FastDeliveryFixture host) : IClassFixture<FastDeliveryFixture>
{
    [SkippableFact]
    public async Task AFailedWebhookNoticeIsHighlightedAndRetryAfterTheFixSendsItUnderTheSameId()
    {
        await using var receiver = new FailingWebhookReceiver();
        var serviceId = await host.Api.CreateServiceAsync(name: "Order intake");
        var clientId = WebKeys.PooledClientIds.First();
        await host.Api.PutClientAsync(clientId, [serviceId], name: "Hooked AG",
            contacts: [new { id = "hook", name = "Hooked AG's receiver", webhookUrl = receiver.Url }]);

        var context = await host.NewContextAsync();
        var ops = await OpsConsolePage.OpenAsync(context);
        await host.Api.OpenIncidentAsync(serviceId);

        string? noticeId = null;
        await Eventually.HoldsAsync(async () =>
        {
            var notices = (await host.Api.GetAsOpsAsync($"/api/v1/clients/{clientId}/notices")).Items();
            noticeId = notices.Where(n => n.Str("kind") == "incident.detected" && n.Str("state") == "failed").Select(n => n.Str("id")).FirstOrDefault();
            return noticeId is not null;
        }, "the incident.detected webhook notice failed");

        var row = ops.FailedNotice(noticeId!);
        await Assertions.Expect(row).ToBeVisibleAsync();
        await Assertions.Expect(row).ToHaveClassAsync("failed");
        await Assertions.Expect(row).ToContainTextAsync("Hooked AG");
        await Assertions.Expect(row.Locator(".last-error")).Not.ToHaveTextAsync("—");

        receiver.Fix();
        await row.GetByRole(AriaRole.Button, new() { Name = "Retry" }).ClickAsync();

        await Assertions.Expect(ops.LiveNotice(noticeId!)).ToHaveAttributeAsync("data-state", "sent");
        await Assertions.Expect(ops.FailedNotice(noticeId!)).ToHaveCountAsync(0);
        var notice = (await host.Api.GetAsOpsAsync($"/api/v1/clients/{clientId}/notices")).Items().Single(n => n.Str("id") == noticeId);
        Assert.Equal("sent", notice.Str("state"));
        Assert.Contains(receiver.Seen, s => s.NoticeId == noticeId && s.Status == 500);
        Assert.Contains(receiver.Seen, s => s.NoticeId == noticeId && s.Status == 204);

        PageProblems.AssertNone(ops.Page);
        await context.CloseAsync();
    }
}
