using System.Globalization;
using UptimeCoordinator.Domain.Sla;
using UptimeCoordinator.Host.Tests.Http;

namespace UptimeCoordinator.Host.Tests.Costs;

/// <summary>
/// Announced maintenance through the hook the maintenance feature will fill: the client grain asks
/// the <c>IMaintenanceHistory</c> registered in the host's services for its services' windows of the
/// month, and excludes a window only if it was announced <c>maintenanceNoticeHours</c> (72) ahead
/// and the work stayed inside it. Short notice or an overrun counts as downtime (DESIGN.md §2).
/// </summary>
public sealed class MaintenanceExclusionEndToEndTests(CostRigFixture fixture) : IClassFixture<CostRigFixture>
{
    private CostRig Rig => fixture.Rig;

    [Fact]
    public async Task OnlyMaintenanceAnnouncedInTimeAndKeptInsideItsWindowIsExcludedFromTheSla()
    {
        var (year, month, start) = ClockSlots.Next30DayMonth(Rig.Now);
        Rig.Clock.MoveTo(start.AddHours(-1));
        var service = await Rig.NewServiceAsync();
        var client = TestIds.Unique("client");
        await Rig.DefineClientAsync(client, new
        {
            name = "Night Shift Ltd",
            timeZone = "UTC",
            subscriptions = new[] { new { serviceId = service } },
            sla = new { monthlyFee = new { amount = 1000, currency = "EUR" } },
        });

        // Kept: 02:00–04:00 on the 3rd, announced 4 days (96 h ≥ 72 h) ahead, done at 03:30.
        var kept = new MaintenanceSpan($"{service}-kept", [service], At(start, 3, 2), At(start, 3, 4), At(start, 3, 2).AddDays(-4), At(start, 3, 3, 30));

        // Short notice: 02:00–03:00 on the 12th, announced only a day (24 h) ahead.
        var shortNotice = new MaintenanceSpan($"{service}-short", [service], At(start, 12, 2), At(start, 12, 3), At(start, 12, 2).AddDays(-1), At(start, 12, 3));

        // Overran: 02:00–03:00 on the 20th, announced 10 days ahead, but the work ended at 03:30.
        var overran = new MaintenanceSpan($"{service}-overran", [service], At(start, 20, 2), At(start, 20, 3), At(start, 20, 2).AddDays(-10), At(start, 20, 3, 30));
        Rig.Maintenance.Add(kept);
        Rig.Maintenance.Add(shortNotice);
        Rig.Maintenance.Add(overran);

        // The service is down inside each window: 02:30–03:30, 02:00–03:00 and 02:00–03:30.
        await OutageAsync(client, service, At(start, 3, 2, 30), At(start, 3, 3, 30));
        await OutageAsync(client, service, At(start, 12, 2), At(start, 12, 3));
        await OutageAsync(client, service, At(start, 20, 2), At(start, 20, 3, 30));
        Rig.Clock.MoveTo(start.AddMonths(1).AddHours(12));

        var m = string.Create(CultureInfo.InvariantCulture, $"{year:D4}-{month:D2}");
        var sla = await Rig.GetAsync($"/api/v1/clients/{client}/sla?month={m}");

        // The kept window's 120 minutes leave the month: 43 200 − 120 = 43 080 eligible, and the hour
        // down inside it is not downtime. Short notice (60) and overrun (90) count: 150 down minutes.
        // Uptime (43 080 − 150) / 43 080 = 99.65181…% → 99.6518, below 99.9: 10 %, 100.00 EUR.
        var figures = Assert.Single(sla.GetProperty("services").EnumerateArray());
        Assert.Equal([kept.Id], figures.Strings("excludedMaintenanceIds"));
        Assert.Equal([shortNotice.Id, overran.Id], figures.Strings("countedMaintenanceIds"));
        Assert.Equal(
            (43080.0, 150.0, 120.0),
            (figures.GetProperty("eligibleMinutes").GetDouble(), figures.GetProperty("downMinutes").GetDouble(), figures.GetProperty("excludedMinutes").GetDouble()));
        Assert.Equal(99.6518, figures.GetProperty("uptimePercent").GetDouble());
        Assert.Equal(
            (43080.0, 150.0, 120.0),
            (sla.GetProperty("eligibleMinutes").GetDouble(), sla.GetProperty("downMinutes").GetDouble(), sla.GetProperty("excludedMinutes").GetDouble()));
        Assert.Equal(99.6518, sla.GetProperty("uptimePercent").GetDouble());
        Assert.Equal("breached", sla.Str("status"));
        Assert.Equal(Money.Eur(100.00m), Money.Of(sla, "creditDue"));

        // The grain asked the hook for its subscribed services over the month's bounds.
        Assert.Contains(Rig.Maintenance.Queries, q => q.ServiceIds.SequenceEqual([service]) && q.From == start && q.To == start.AddMonths(1));
    }

    private static DateTimeOffset At(DateTimeOffset monthStart, int day, int hour, int minute = 0) =>
        monthStart.AddDays(day - 1).AddHours(hour).AddMinutes(minute);

    private async Task OutageAsync(string client, string service, DateTimeOffset down, DateTimeOffset up)
    {
        Rig.Clock.MoveTo(down);
        await Rig.OutageReachesAsync(client, service);
        Rig.Clock.MoveTo(up);
        await Rig.RecoveryReachesAsync(client, service);
    }
}
