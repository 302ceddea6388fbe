using System.Globalization;
using System.Net;
using Microsoft.Extensions.Logging;
using UptimeCoordinator.Host.Tests.Http;
using UptimeCoordinator.Host.Tests.Infrastructure;

namespace UptimeCoordinator.Host.Tests.Costs;

/// <summary>
/// The seam the cost and SLA tests stand on: the host on a <see cref="ManualClock"/> stays ready,
/// judges events by that clock, and still delivers notices, because only "now" is manual and every
/// timer runs in real time; both behind the wall clock and after a jump to weeks ahead of it.
/// </summary>
public sealed class ManualClockSmokeTests(CostRigFixture fixture) : IClassFixture<CostRigFixture>
{
    private CostRig Rig => fixture.Rig;

    [Fact]
    public async Task TheHostOnAManualClockIsReadyTakesEventsByItAndDeliversNoticesBeforeAndAfterAJumpForward()
    {
        // A month behind the wall clock on the machine these tests were written on (the fixture's epoch) ...
        await OutageIsTakenAndToldAtTheClocksNowAsync(Rig.Now.AddHours(1));

        // ... then three weeks ahead of the wall clock, whatever it reads.
        await OutageIsTakenAndToldAtTheClocksNowAsync(DateTimeOffset.UtcNow.AddDays(21));

        var errors = Rig.Logs.Lines.Where(l => l.Level >= LogLevel.Error).Select(l => $"{l.Level} {l.Category}: {l.Text}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n\n", errors));
    }

    private async Task OutageIsTakenAndToldAtTheClocksNowAsync(DateTimeOffset at)
    {
        var now = new DateTimeOffset(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        Rig.Clock.MoveTo(now);
        var service = await Rig.NewServiceAsync();
        var client = TestIds.Unique("client");
        var hookPath = $"/hooks/{client}";
        await Rig.DefineClientAsync(client, new
        {
            name = "Smoke",
            timeZone = "UTC",
            subscriptions = new[] { new { serviceId = service } },
            contacts = new[] { Rig.WebhookContact("bot", hookPath) },
        });

        using var ready = await Rig.Api.Anonymous.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);

        // "More than 5 minutes in the future" is judged by the manual clock, not the wall clock.
        using var early = await Rig.Api.PostEventAsync(EventBody.Down(service, now.AddMinutes(6)));
        await Problem.AssertValidationAsync(early, "observedAt");
        var incidentId = await Rig.OutageReachesAsync(client, service);

        await Eventually.HoldsAsync(() => Rig.Hooks(hookPath).Count >= 1, $"the incident.detected webhook at {now:O}");
        var hook = Assert.Single(Rig.Hooks(hookPath));
        Assert.True(hook.SignatureVerified);
        Assert.Equal("incident.detected", CostRig.Type(hook));
        Assert.Equal(incidentId, CostRig.Data(hook).Str("incidentId"));

        // Delivery signs with the host's clock too.
        Assert.Equal(now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), hook.Timestamp);
        await Eventually.HoldsAsync(
            async () => (await Rig.GetAsync($"/api/v1/clients/{client}/notices")).GetProperty("items") is { } items
                && items.GetArrayLength() == 1 && items[0].Str("state") == "sent",
            "the notice recorded as sent");
        var notice = (await Rig.GetAsync($"/api/v1/clients/{client}/notices")).GetProperty("items")[0];
        Assert.Equal(now, notice.Time("createdAt"));
        Assert.Equal(now, notice.Time("sentAt"));
        Assert.Equal(now, (await Rig.GetAsync($"/api/v1/clients/{client}/status")).Time("asOf"));
    }
}
