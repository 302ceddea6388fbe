using System.Net;
using System.Text.Json;
using UptimeCoordinator.Host.Tests.Costs;
using UptimeCoordinator.Host.Tests.Http;
using static UptimeCoordinator.Host.Tests.Maintenance.MaintenanceRig;

namespace UptimeCoordinator.Host.Tests.Maintenance;

/// <summary>
/// <c>POST /api/v1/maintenance/suggestions</c> for work that two clients on opposite sides of the
/// world would feel: it waits for the longest notice their SLAs ask for, finds the hours when both
/// are off work, prices them on each client's own clock, and steers around windows already planned.
/// </summary>
public sealed class MaintenanceSuggestionsTests(MaintenanceRigFixture fixture) : IClassFixture<MaintenanceRigFixture>
{
    private const string Path = "/api/v1/maintenance/suggestions";
    private const string Tokyo = "Asia/Tokyo";
    private const string NewYork = "America/New_York";
    private const decimal CostPerHour = 100m;
    private const double OffHours = 0.1;

    /// <summary>Both clients' week, Monday 00:00 local first: 1.0 on weekdays 09–17, 0.1 at every other hour.</summary>
    private static readonly double[] BusinessHours =
        [.. Enumerable.Range(0, 168).Select(h => h / 24 < 5 && h % 24 is >= 9 and < 17 ? 1.0 : OffHours)];

    private MaintenanceRig Rig => fixture.Rig;

    [Fact]
    public async Task TheCheapestWindowsWaitForTheLongestNoticeAreOffHoursForBothClientsAndAvoidAPlannedWindow()
    {
        var service = await Rig.CreateServiceAsync("shared");
        var (tokyo, newYork) = (TestIds.Unique("tokyo"), TestIds.Unique("nyc"));
        await DefineAsync(tokyo, Tokyo, service, noticeHours: 24);
        await DefineAsync(newYork, NewYork, service, noticeHours: 48);

        var asked = DateTimeOffset.UtcNow;
        var answer = await SuggestAsync(new { serviceIds = new[] { service }, duration = "PT2H", count = 3 });
        Assert.Equal((48, 2), (answer.GetProperty("requiredNoticeHours").GetInt32(), answer.GetProperty("affectedClients").GetInt32()));
        var earliest = answer.Time("earliestStart");
        Assert.InRange(earliest, asked.AddHours(48), DateTimeOffset.UtcNow.AddHours(48).AddMinutes(15));
        Assert.True(answer.GetProperty("candidatesConsidered").GetInt32() > 3);

        var suggestions = answer.GetProperty("suggestions").EnumerateArray().ToList();
        Assert.Equal([1, 2, 3], suggestions.Select(s => s.GetProperty("rank").GetInt32()));
        Assert.All(suggestions, s =>
        {
            Assert.True(s.Time("start") >= earliest, $"{s.Time("start"):O} gives less notice than 48 hours");
            Assert.Equal(TimeSpan.FromHours(2), s.Time("end") - s.Time("start"));
        });

        // Weekdays 08:00–14:00 UTC are evening in Tokyo and night in New York: 0.1 × 100 USD × 2 h each.
        var top = suggestions[0];
        Assert.Equal([(2 * OffHoursCost(), "USD")], Money.List(top, "expectedCost"));
        Assert.Equal(2 * OffHoursCost(), top.GetProperty("score").GetDecimal());
        AssertBothClientsOnTheirOwnClocks(top, tokyo, newYork);

        // Starting at the next round hour costs what the clients' own curves say it does, and never less.
        var now = answer.GetProperty("startingNow");
        var nowStart = now.Time("start");
        Assert.Equal(0, nowStart.Minute);
        Assert.InRange(nowStart, asked.AddHours(-1), asked.AddHours(1));
        var nowCost = CostOf(Tokyo, nowStart) + CostOf(NewYork, nowStart);
        Assert.Equal([(nowCost, "USD")], Money.List(now, "expectedCost"));
        Assert.Equal([(nowCost - (2 * OffHoursCost()), "USD")], Money.List(top, "savingsVersusNow"));
        if (nowCost > 2 * OffHoursCost())
        {
            Assert.True(top.GetProperty("score").GetDecimal() < now.GetProperty("score").GetDecimal(), $"the top suggestion costs no less than starting now: {answer}");
        }

        // Once that window is planned, the next answer goes around it and still finds one as cheap.
        var planned = await Rig.ScheduleAsync(new
        {
            serviceIds = new[] { service }, start = top.Time("start"), end = top.Time("end"), title = "Planned in the best slot", noticeLeadTimes = Array.Empty<string>(),
        });
        Assert.Equal("scheduled", planned.Str("state"));
        var again = (await SuggestAsync(new { serviceIds = new[] { service }, duration = "PT2H", count = 3 })).GetProperty("suggestions").EnumerateArray().ToList();
        Assert.Equal(3, again.Count);
        Assert.All(again, s => Assert.False(
            s.Time("start") < top.Time("end") && top.Time("start") < s.Time("end"),
            $"{s.Time("start"):O}–{s.Time("end"):O} overlaps the planned window {top.Time("start"):O}–{top.Time("end"):O}"));
        Assert.Equal([(2 * OffHoursCost(), "USD")], Money.List(again[0], "expectedCost"));
    }

    [Fact]
    public async Task BadQuestionsAreRefusedNamingTheField()
    {
        var service = await Rig.CreateServiceAsync("ask");
        var soon = SecondsAhead(3600);
        (string Field, object Body)[] cases =
        [
            ("duration", new { serviceIds = new[] { service } }),
            ("duration", new { serviceIds = new[] { service }, duration = "two hours" }),
            ("duration", new { serviceIds = new[] { service }, duration = "PT0S" }),
            ("latest", new { serviceIds = new[] { service }, duration = "PT1H", earliest = soon, latest = soon.AddHours(-1) }),
            ("count", new { serviceIds = new[] { service }, duration = "PT1H", count = 0 }),
            ("serviceIds", new { duration = "PT1H" }),
            ("serviceIds[1]", new { serviceIds = new[] { service, "no-such-service" }, duration = "PT1H" }),
        ];

        foreach (var (field, body) in cases)
        {
            using var response = await Rig.PostAsync(Path, body);
            await Problem.AssertValidationAsync(response, field);
        }
    }

    private Task DefineAsync(string id, string zone, string service, int noticeHours) =>
        Rig.DefineClientAsync(id, zone, [service], [], sla: new { maintenanceNoticeHours = noticeHours },
            costProfile: new { currency = "USD", costPerHour = CostPerHour, weeklyUsage = BusinessHours });

    private async Task<JsonElement> SuggestAsync(object body)
    {
        using var response = await Rig.PostAsync(Path, body);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"POST suggestions: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJsonAsync();
    }

    private static void AssertBothClientsOnTheirOwnClocks(JsonElement suggestion, string tokyo, string newYork)
    {
        var start = suggestion.Time("start");
        var clients = suggestion.GetProperty("clients").EnumerateArray().ToDictionary(c => c.Str("clientId"));
        Assert.Equal(new[] { tokyo, newYork }.Order(StringComparer.Ordinal), clients.Keys.Order(StringComparer.Ordinal));
        foreach (var (id, zone) in new[] { (tokyo, Tokyo), (newYork, NewYork) })
        {
            var client = clients[id];
            Assert.Equal((zone, $"Client {id}"), (client.Str("timeZone"), client.Str("name")));
            Assert.EndsWith(OffsetText(zone, start), client.Str("localStart"), StringComparison.Ordinal);
            Assert.Equal((start, suggestion.Time("end")), (client.Time("localStart"), client.Time("localEnd")));
            Assert.Equal((OffHoursCost(), "USD"), Money.Of(client, "expectedCost"));
            Assert.True(Weight(zone, start) == OffHours && Weight(zone, start.AddHours(1)) == OffHours, $"{id} works at {client.Str("localStart")}");
        }
    }

    private static decimal OffHoursCost() => CostPerHour * (decimal)OffHours * 2;

    /// <summary>What 2 h of maintenance from <paramref name="start"/>, a round hour, cost a client in <paramref name="zone"/>.</summary>
    private static decimal CostOf(string zone, DateTimeOffset start) =>
        CostPerHour * ((decimal)Weight(zone, start) + (decimal)Weight(zone, start.AddHours(1)));

    /// <summary>The clients' weight of the hour <paramref name="instant"/> falls in on <paramref name="zone"/>'s clock.</summary>
    private static double Weight(string zone, DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, TimeZoneInfo.FindSystemTimeZoneById(zone));
        return BusinessHours[(((int)local.DayOfWeek + 6) % 7 * 24) + local.Hour];
    }
}
