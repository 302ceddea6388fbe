using System.Globalization;
using System.Net;
using System.Text.Json;
using UptimeCoordinator.Host.Tests.Http;

namespace UptimeCoordinator.Host.Tests.Costs;

/// <summary>
/// <c>GET /api/v1/costs</c>: a UTC month's downtime cost by client and by service over a page of
/// clients; and the running cost and affected clients the incident list and an incident carry.
/// </summary>
/// <remarks>
/// The clients use a flat week (every hour weighs 1), so an hour of a major outage costs exactly the
/// profile's costPerHour: 1000 EUR for "eur", 600 USD for "usd".
/// </remarks>
public sealed class CostOverviewTests(CostRigFixture fixture) : IClassFixture<CostRigFixture>
{
    private static readonly double[] FlatWeek = [.. Enumerable.Repeat(1.0, 168)];

    private CostRig Rig => fixture.Rig;

    [Fact]
    public async Task AMonthsCostIsSplitAtTheUtcMonthBoundaryByClientAndByServiceInEachCurrency()
    {
        // An outage of a from 23:00 UTC on the last day of a month to 00:30 on the first of the next,
        // then one of b from 01:00 to 02:00. eur keeps Berlin time, where the month turned an hour earlier.
        var now = Rig.Now;
        var boundary = new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(2);
        Rig.Clock.MoveTo(boundary.AddHours(-1));
        var (a, b) = (await Rig.NewServiceAsync("a"), await Rig.NewServiceAsync("b"));
        var (eur, usd, unpriced) = (TestIds.Unique("eur"), TestIds.Unique("usd"), TestIds.Unique("free"));
        await DefineAsync(eur, "Europe/Berlin", new { currency = "EUR", costPerHour = 1000, weeklyUsage = FlatWeek }, a);
        await DefineAsync(usd, "UTC", new { currency = "USD", costPerHour = 600, weeklyUsage = FlatWeek }, a, b);
        await DefineAsync(unpriced, "UTC", null, a);

        var incidentId = await Rig.OutageReachesAsync(eur, a);
        Rig.Clock.MoveTo(boundary.AddMinutes(30));
        await AssertTheIncidentCarriesItsCostAsync(incidentId, eur, usd, unpriced);
        await Rig.RecoveryReachesAsync(eur, a);
        await Rig.RecoveryReachesAsync(usd, a);
        Rig.Clock.MoveTo(boundary.AddHours(1));
        await Rig.OutageReachesAsync(usd, b);
        Rig.Clock.MoveTo(boundary.AddHours(2));
        await Rig.RecoveryReachesAsync(usd, b);
        Rig.Clock.MoveTo(boundary.AddHours(3));

        var before = await OverviewAsync($"?month={Month(boundary.AddHours(-1))}");
        Assert.Equal((Month(boundary.AddHours(-1)), boundary.AddMonths(-1), boundary), (before.Str("month"), before.Time("from"), before.Time("to")));
        Assert.Equal([(eur, Money.Eur(1000m)), (usd, (600m, "USD"))], ByClient(before, eur, usd, unpriced));
        Assert.Equal([$"{a}: 1000.00 EUR + 600.00 USD"], ByService(before, a, b));
        AssertTotalIsTheSumOfItsClients(before);

        var current = await OverviewAsync("");
        Assert.Equal((Month(boundary), boundary, boundary.AddHours(3)), (current.Str("month"), current.Time("from"), current.Time("to")));
        Assert.Equal([(eur, Money.Eur(500m)), (usd, (900m, "USD"))], ByClient(current, eur, usd, unpriced).OrderBy(c => c.Item1 == eur ? 0 : 1));
        // Ordered by amount across currencies, which compares euros with dollars: only the entries are asserted.
        Assert.Equal(new[] { $"{a}: 500.00 EUR + 300.00 USD", $"{b}: 600.00 USD" }.Order(StringComparer.Ordinal), ByService(current, a, b).Order(StringComparer.Ordinal));
        AssertTotalIsTheSumOfItsClients(current);
        Assert.Equal("Client " + eur, current.GetProperty("byClient").EnumerateArray().Single(c => c.Str("clientId") == eur).Str("name"));
        Assert.Equal("Service " + a, current.GetProperty("byService").EnumerateArray().Single(s => s.Str("serviceId") == a).Str("name"));

        // One client a page: every page has at most one, and following the cursor finds them all.
        var pages = await PagedOverviewAsync($"?month={Month(boundary)}&limit=1");
        Assert.All(pages, p => Assert.True(p.GetProperty("byClient").GetArrayLength() <= 1, p.ToString()));
        var seen = pages.SelectMany(p => p.GetProperty("byClient").EnumerateArray()).Select(c => c.Str("clientId")).ToList();
        Assert.Contains(eur, seen);
        Assert.Contains(usd, seen);
        Assert.DoesNotContain(unpriced, seen);
    }

    [Fact]
    public async Task AMonthThatHasNotBegunCostsNothing()
    {
        var future = Rig.Now.AddMonths(14);

        var overview = await OverviewAsync($"?month={Month(future)}");

        Assert.Equal(0, overview.GetProperty("byClient").GetArrayLength());
        Assert.Equal(0, overview.GetProperty("byService").GetArrayLength());
        Assert.Equal(0, overview.GetProperty("total").GetArrayLength());
    }

    [Theory]
    [InlineData("month=2026-13", "month")]
    [InlineData("month=2026-00", "month")]
    [InlineData("month=26-01", "month")]
    [InlineData("month=2026-1", "month")]
    [InlineData("month=2026/01", "month")]
    [InlineData("month=", "month")]
    [InlineData("limit=0", "limit")]
    [InlineData("cursor=%%%", "cursor")]
    public async Task ABadMonthOrPageIsABadRequest(string query, string field)
    {
        using var response = await Rig.Api.Ops.GetAsync($"/api/v1/costs?{query}");

        await Problem.AssertValidationAsync(response, field);
    }

    [Fact]
    public async Task OnlyOpsReadTheOverviewAndIncludeTakesOnlyCost()
    {
        using var client = await Rig.Api.Client.GetAsync("/api/v1/costs");
        using var monitor = await Rig.Api.Monitor.GetAsync("/api/v1/costs");
        using var bogus = await Rig.Api.Ops.GetAsync("/api/v1/incidents?state=open&include=bogus");

        await Problem.AssertAsync(client, HttpStatusCode.Forbidden);
        await Problem.AssertAsync(monitor, HttpStatusCode.Forbidden);
        await Problem.AssertValidationAsync(bogus, "include");
    }

    /// <summary>At 00:30, 1.5 h into the outage of a: eur 1500 EUR, usd 900 USD; the unpriced client is affected but costs nothing.</summary>
    private async Task AssertTheIncidentCarriesItsCostAsync(string incidentId, string eur, string usd, string unpriced)
    {
        var listed = (await Rig.Api.PagesAsync("/api/v1/incidents?state=open&include=cost", 200)).SelectMany(p => p).Single(i => i.Str("id") == incidentId);
        var plain = (await Rig.Api.PagesAsync("/api/v1/incidents?state=open", 200)).SelectMany(p => p).Single(i => i.Str("id") == incidentId);
        var single = await Rig.Api.GetIncidentAsync(incidentId);

        foreach (var incident in new[] { listed, single })
        {
            var cost = incident.GetProperty("cost");
            Assert.Equal([Money.Eur(1500m), (900m, "USD")], Money.List(cost, "total"));
            Assert.Equal([Money.Eur(1000m), (600m, "USD")], Money.List(cost, "ratePerHour"));
            Assert.Equal([eur, usd], cost.GetProperty("byClient").EnumerateArray().Select(c => c.Str("clientId")));
            Assert.Equal(new[] { eur, unpriced, usd }.Order(StringComparer.Ordinal), incident.GetProperty("affectedClients").EnumerateArray().Select(c => c.Str("clientId")));
        }

        Assert.True(Absent(plain, "cost") && Absent(plain, "affectedClients"), $"the list without include=cost carries a cost: {plain}");
    }

    private static bool Absent(JsonElement element, string property) =>
        !element.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null;

    private Task DefineAsync(string id, string zone, object? costProfile, params string[] services) =>
        Rig.DefineClientAsync(id, new
        {
            name = $"Client {id}",
            timeZone = zone,
            subscriptions = services.Select(s => new { serviceId = s, impact = 1.0 }).ToArray(),
            costProfile,
        });

    private Task<JsonElement> OverviewAsync(string query) => Rig.GetAsync($"/api/v1/costs{query}");

    private async Task<List<JsonElement>> PagedOverviewAsync(string query)
    {
        var pages = new List<JsonElement>();
        string? cursor = null;
        do
        {
            pages.Add(await OverviewAsync(query + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}")));
            cursor = pages[^1].NullableStr("nextCursor");
            Assert.True(pages.Count < 1000, "the cursor never ends");
        }
        while (cursor is not null);
        return pages;
    }

    private static List<(string, (decimal, string))> ByClient(JsonElement overview, params string[] mine) =>
        [.. overview.GetProperty("byClient").EnumerateArray().Where(c => mine.Contains(c.Str("clientId"))).Select(c => (c.Str("clientId"), Money.Of(c, "total")))];

    /// <summary>Each of <paramref name="mine"/> in list order, its total per currency written out, as "a: 1000 EUR + 600 USD".</summary>
    private static List<string> ByService(JsonElement overview, params string[] mine) =>
        [.. overview.GetProperty("byService").EnumerateArray().Where(s => mine.Contains(s.Str("serviceId")))
            .Select(s => $"{s.Str("serviceId")}: " + string.Join(" + ", Money.List(s, "total").Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Amount:0.00} {m.Currency}"))))];

    private static void AssertTotalIsTheSumOfItsClients(JsonElement overview)
    {
        var sums = overview.GetProperty("byClient").EnumerateArray().Select(c => Money.Of(c, "total"))
            .GroupBy(m => m.Currency).ToDictionary(g => g.Key, g => g.Sum(m => m.Amount));
        Assert.Equal(sums.OrderBy(p => p.Key, StringComparer.Ordinal), Money.List(overview, "total").ToDictionary(m => m.Currency, m => m.Amount).OrderBy(p => p.Key, StringComparer.Ordinal));
    }

    private static string Month(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
