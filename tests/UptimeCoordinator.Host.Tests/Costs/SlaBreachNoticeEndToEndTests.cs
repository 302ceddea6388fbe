using System.Globalization;
using System.Text.Json;
using UptimeCoordinator.Host.Tests.Http;
using UptimeCoordinator.Host.Tests.Infrastructure;

namespace UptimeCoordinator.Host.Tests.Costs;

/// <summary>
/// When a client's month-to-date uptime falls below target, every contact who opted in hears it once
/// that month, with the figures, as a signed <c>sla.breached</c> webhook; a worse month adds nothing.
/// The client is in UTC, pays 1000 EUR a month and has the default terms (99.9 %, tiers 10/25/100 %).
/// Month-to-date means measured until now: the target allows 0.1 % of the minutes gone so far.
/// </summary>
public sealed class SlaBreachNoticeEndToEndTests(CostRigFixture fixture) : IClassFixture<CostRigFixture>
{
    private CostRig Rig => fixture.Rig;

    [Fact]
    public async Task AMonthSlippingBelowTargetDuringAnOutageIsToldOnceToWhoeverOptedInAndALaterOutageTellsNoOne()
    {
        var (year, month, start) = ClockSlots.Next30DayMonth(Rig.Now);
        var (service, client, finance, onCall) = await DefineAsync(start);
        var day10 = start.AddDays(9);

        // 09:41:27–09:55:00 on the 10th: 13.55 minutes down of 13 555 gone (9 days, 9 h 55 min), within
        // the 13.555 allowed. So the up event finds the month on target and tells no one.
        await OutageAsync(client, service, day10.AddHours(9).AddMinutes(41).AddSeconds(27), day10.AddHours(9).AddMinutes(55));

        // Down again at 10:15, a new incident (past the 15-minute reopen window): the budget is 13.575,
        // 0.025 minutes over 13.55, so the month crosses its target 0.025 / 0.999 minutes ≈ 1.5 s into
        // the outage, and the client arms its SLA watch for then: a grain timer due in a second or two of
        // real time. The clock reads 10:20 when it fires.
        Rig.Clock.MoveTo(day10.AddHours(10).AddMinutes(15));
        await Rig.OutageReachesAsync(client, service);
        Rig.Clock.MoveTo(day10.AddHours(10).AddMinutes(20));
        await Eventually.HoldsAsync(() => Rig.Hooks(finance).Any(h => CostRig.Type(h) == "sla.breached"), "the sla.breached webhook from the SLA watch");

        // At 10:20: 13 580 minutes gone, 13.55 + 5 = 18.55 down: 100 − 100 × 18.55 / 13 580 = 99.86340…%,
        // below 99.9 but not 99.0, so the 10 % tier: 100.00 EUR. Budget 13.58, so 4.97 over.
        var hook = Assert.Single(Rig.Hooks(finance), h => CostRig.Type(h) == "sla.breached");
        Assert.True(hook.SignatureVerified);
        var data = CostRig.Data(hook);
        Assert.Equal((client, Month(year, month)), (data.Str("clientId"), data.Str("month")));
        Assert.Equal(100 - (100 * 18.55 / 13580), data.GetProperty("uptimePercent").GetDouble(), 9);
        Assert.Equal(99.9, data.GetProperty("targetPercent").GetDouble());
        Assert.Equal(13580.0, data.GetProperty("eligibleMinutes").GetDouble());
        Assert.Equal(18.55, data.GetProperty("downMinutes").GetDouble(), 9);
        Assert.Equal(-4.97, data.GetProperty("errorBudgetLeftMinutes").GetDouble(), 9);
        var credit = data.GetProperty("credit");
        Assert.Equal((10.0, 100.00m, "EUR"), (credit.GetProperty("percent").GetDouble(), credit.GetProperty("amount").GetDecimal(), credit.Str("currency")));
        Assert.Contains("99.8634% uptime", data.Str("subject"), StringComparison.Ordinal);

        // The outage ends, and another on the 15th makes the month worse: nobody is told again.
        Rig.Clock.MoveTo(day10.AddHours(10).AddMinutes(30));
        await Rig.RecoveryReachesAsync(client, service);
        await OutageAsync(client, service, start.AddDays(14).AddHours(10), start.AddDays(14).AddHours(11));

        // Every notice has gone out by now (the outage helpers wait for it), and a second sla.breached
        // would have been planned with the step that found the month worse.
        string[] outage = ["incident.detected", "incident.resolved"];
        Assert.Equal([.. outage, "incident.detected", "sla.breached", "incident.resolved", .. outage], Rig.Hooks(finance).Select(CostRig.Type));
        Assert.Equal([.. outage, .. outage, .. outage], Rig.Hooks(onCall).Select(CostRig.Type));
        var told = Assert.Single(await NoticesAsync(client), n => n.Str("kind") == "sla.breached");
        Assert.Equal(("finance", "sent"), (told.Str("contactId"), told.Str("state")));
    }

    [Fact]
    public async Task TheUpEventThatTakesTheMonthBelowTargetSendsOneSlaBreachedNotice()
    {
        var (year, month, start) = ClockSlots.Next30DayMonth(Rig.Now);
        var (service, client, finance, _) = await DefineAsync(start);

        // Down at 10:00 on the 10th and up at 13:36. The month crosses its target at about 10:13:34, but the
        // clock jumps past that before the SLA watch's timer (due in 13.5 minutes of real time) can fire, as
        // when the timer was lost with its activation or the events arrive late: the up event is the first
        // step to find the month below target. 13 776 minutes gone (9 days, 13 h 36 min), 216 down:
        // 100 − 100 × 216 / 13 776 = 98.43205…%, below 99.0, so the 25 % tier: 250.00 EUR.
        await OutageAsync(client, service, start.AddDays(9).AddHours(10), start.AddDays(9).AddHours(13).AddMinutes(36));

        var report = await Rig.GetAsync($"/api/v1/clients/{client}/sla");
        Assert.Equal((Month(year, month), "breached", 98.4321), (report.Str("month"), report.Str("status"), report.GetProperty("uptimePercent").GetDouble()));
        await Eventually.HoldsAsync(
            () => Rig.Hooks(finance).Any(h => CostRig.Type(h) == "sla.breached"),
            "the sla.breached webhook after the up event that took the month below target. If it never comes while the "
            + "report says breached: ClientGrain.ApplyIncidentStepAsync (and ApplyIncidentBulletinAsync) add the notices "
            + "SlaBreachCheck plans to `planned` after `State.Outbox.Add(planned)`, so they never reach the outbox, "
            + "while the month is recorded in SlaBreachesTold and never checked again");

        var data = CostRig.Data(Assert.Single(Rig.Hooks(finance), h => CostRig.Type(h) == "sla.breached"));
        Assert.Equal(Month(year, month), data.Str("month"));
        Assert.Equal(100 - (100 * 216.0 / 13776), data.GetProperty("uptimePercent").GetDouble(), 9);
        var credit = data.GetProperty("credit");
        Assert.Equal((25.0, 250.00m, "EUR"), (credit.GetProperty("percent").GetDouble(), credit.GetProperty("amount").GetDecimal(), credit.Str("currency")));
        Assert.Single(await NoticesAsync(client), n => n.Str("kind") == "sla.breached");
    }

    private static string Month(int year, int month) => string.Create(CultureInfo.InvariantCulture, $"{year:D4}-{month:D2}");

    /// <summary>A client with two webhook contacts: finance wants every stage, on-call only incidents' start and end.</summary>
    private async Task<(string Service, string Client, string FinanceHook, string OnCallHook)> DefineAsync(DateTimeOffset monthStart)
    {
        Rig.Clock.MoveTo(monthStart.AddHours(-1));
        var service = await Rig.NewServiceAsync();
        var client = TestIds.Unique("client");
        var finance = $"/hooks/{client}/finance";
        var onCall = $"/hooks/{client}/on-call";
        await Rig.DefineClientAsync(client, new
        {
            name = "Ledger & Co",
            timeZone = "UTC",
            subscriptions = new[] { new { serviceId = service } },
            contacts = new object[]
            {
                Rig.WebhookContact("finance", finance),
                new
                {
                    id = "on-call", name = "On call", webhookUrl = Rig.Receiver.UrlFor(onCall).ToString(), webhookSecret = CostRig.WebhookSecret,
                    stages = new[] { "incident.detected", "incident.resolved" },
                },
            },
            sla = new { monthlyFee = new { amount = 1000, currency = "EUR" } },
        });
        return (service, client, finance, onCall);
    }

    private async Task OutageAsync(string client, string service, DateTimeOffset down, DateTimeOffset up)
    {
        Rig.Clock.MoveTo(down);
        await Rig.OutageReachesAsync(client, service);
        Rig.Clock.MoveTo(up);
        await Rig.RecoveryReachesAsync(client, service);
    }

    private async Task<List<JsonElement>> NoticesAsync(string client) =>
        [.. (await Rig.GetAsync($"/api/v1/clients/{client}/notices?limit=200")).GetProperty("items").EnumerateArray()];
}
