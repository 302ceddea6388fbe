using UptimeCoordinator.Domain.Costs;
using UptimeCoordinator.Domain.Maintenance;
using static UptimeCoordinator.Domain.Tests.Maintenance.RecommenderScenario;

namespace UptimeCoordinator.Domain.Tests.Maintenance;

/// <summary>
/// The recommender's rules one at a time, mostly in UTC on flat curves or curves with one cheap
/// hour, so the right answer can be seen without arithmetic. Monday 12 January 2026 is hour 0 of its week.
/// </summary>
public sealed class WindowRecommenderTests
{
    private static readonly DateTimeOffset Monday = At("2026-01-12T00:00:00Z");
    private static readonly TimeSpan TwoHours = TimeSpan.FromHours(2);

    [Fact]
    public void TheLongestNoticeAmongTheClientsPushesTheEarliestStart()
    {
        var now = At("2026-01-12T10:07:00Z");
        MaintenanceExposure[] clients = [Client("a", notice: 24), Client("b", notice: 72)];

        var result = WindowRecommender.Recommend(Search(now, now.AddDays(7), TwoHours, now: now), clients);

        Assert.Equal(72, result.RequiredNoticeHours);
        Assert.Equal(At("2026-01-15T10:15:00Z"), result.EffectiveEarliest);
        // A flat curve makes every start cost the same, and ties go to the earliest.
        Assert.Equal(At("2026-01-15T10:15:00Z"), result.Suggestions[0].Start);
        Assert.All(result.Suggestions, s => Assert.True(s.Start >= result.EffectiveEarliest));
    }

    [Fact]
    public void AnEarliestStartLaterThanTheNoticeStands()
    {
        var now = At("2026-01-12T10:07:00Z");

        var result = WindowRecommender.Recommend(Search(now.AddDays(5), now.AddDays(7), TwoHours, now: now), [Client("a", notice: 72)]);

        Assert.Equal(At("2026-01-17T10:15:00Z"), result.EffectiveEarliest);
    }

    [Theory]
    [InlineData("2026-01-12T10:00:00Z", "2026-01-12T10:00:00Z")]
    [InlineData("2026-01-12T10:00:00.0000001Z", "2026-01-12T10:15:00Z")]
    [InlineData("2026-01-12T10:14:59Z", "2026-01-12T10:15:00Z")]
    [InlineData("2026-01-12T10:15:01Z", "2026-01-12T10:30:00Z")]
    [InlineData("2026-01-12T23:50:00Z", "2026-01-13T00:00:00Z")]
    [InlineData("2026-01-12T16:07:00+05:45", "2026-01-12T10:30:00Z")]
    public void TheEarliestStartIsRoundedUpToAUtcQuarterHour(string earliest, string expected)
    {
        var result = WindowRecommender.Recommend(Search(At(earliest), At(earliest).AddDays(1), TwoHours), [Client("a")]);

        Assert.Equal(At(expected), result.EffectiveEarliest);
        Assert.Equal(At(expected), result.Suggestions[0].Start);
    }

    [Fact]
    public void AFreezeIsNeverOverlappedButMayBeTouched()
    {
        // Monday 05:00–06:00 costs nothing, but a freeze covers 04:30–05:30: the best one-hour
        // window left starts as the freeze ends and is half free.
        MaintenanceExposure[] clients = [Client("a", curve: Curve(1, (5, 0)))];
        FreezeSpan[] freezes = [new(Monday.AddHours(4.5), Monday.AddHours(5.5))];

        var result = WindowRecommender.Recommend(Search(Monday, Monday.AddDays(1), TimeSpan.FromHours(1), count: 5, freezes: freezes), clients);

        Assert.Equal(Monday.AddHours(5.5), result.Suggestions[0].Start);
        Assert.Equal(500m, result.Suggestions[0].Score);
        Assert.All(result.Suggestions, s => Assert.DoesNotContain(freezes, f => Overlap(s.Start, s.End, f.Start, f.End)));
        // 96 starts from 00:00 to 23:00, less the seven that would overlap 04:30–05:30 (03:45 … 05:15).
        Assert.Equal(93 - 7, result.CandidatesConsidered);
    }

    [Fact]
    public void SuggestionsDoNotOverlapEachOther()
    {
        // Starts around the free hour are all cheap; without the rule they would be four copies of one window.
        MaintenanceExposure[] clients = [Client("a", curve: Curve(1, (5, 0)))];

        var result = WindowRecommender.Recommend(Search(Monday, Monday.AddDays(1), TwoHours, count: 4), clients);

        Assert.Equal([1, 2, 3, 4], result.Suggestions.Select(s => s.Rank));
        Assert.Equal(Monday.AddHours(4), result.Suggestions[0].Start);
        Assert.True(result.Suggestions.Zip(result.Suggestions.Skip(1)).All(p => p.First.Score <= p.Second.Score));
        foreach (var a in result.Suggestions)
        {
            Assert.Single(result.Suggestions, b => Overlap(a.Start, a.End, b.Start, b.End));
        }
    }

    [Fact]
    public void CostsAgreeWithTheCostEngineInEachCurrency()
    {
        var curve = Enumerable.Range(0, WeeklyUsage.Hours).Select(h => (h * 37 % 11) + 0.25).ToArray();
        MaintenanceExposure[] clients =
        [
            Client("berlin", "Europe/Berlin", "EUR", 1234.56m, curve, 0.75),
            Client("tokyo", "Asia/Tokyo", "USD", 800m, curve, 0.3),
            Client("kathmandu", "Asia/Kathmandu", "USD", 99.99m, WeeklyUsage.BusinessHours, 1.5),
            Client("adelaide", "Australia/Adelaide", "EUR", 5000m, curve, 0.1),
        ];

        var result = WindowRecommender.Recommend(Search(Monday, Monday.AddDays(4), TimeSpan.FromMinutes(150), count: 5), clients);

        Assert.Equal(5, result.Suggestions.Count);
        Assert.All(result.Suggestions.Append(result.Comparison), s =>
        {
            AssertCostsMatch(clients, s);
            Assert.Equal(s.Costs.Sum(c => c.Amount), s.Score);
            Assert.True(Close(s.Costs.Sum(c => c.Amount), s.Clients.Sum(c => c.Cost!.Value)));
        });
    }

    [Fact]
    public void ADurationOfPartQuartersIsPricedToTheMinute()
    {
        var duration = TimeSpan.FromMinutes(97);
        var curve = Enumerable.Range(0, WeeklyUsage.Hours).Select(h => (double)((h * 7) % 5)).ToArray();
        MaintenanceExposure[] clients = [Client("a", "Asia/Kathmandu", curve: curve), Client("b", "America/New_York", curve: curve)];
        var search = Search(Monday, Monday.AddDays(1), duration, count: 3);

        var result = WindowRecommender.Recommend(search, clients);

        Assert.All(result.Suggestions, s => Assert.Equal(duration, s.End - s.Start));
        Assert.All(result.Suggestions, s => AssertCostsMatch(clients, s));
        var cheapest = Enumerable.Range(0, 96).Select(q => Monday.AddMinutes(15 * q)).Where(s => s + duration <= search.Latest)
            .Min(s => BruteForceScore(clients, null, s, s + duration));
        Assert.True(Close(cheapest, result.Suggestions[0].Score));
    }

    [Theory]
    [InlineData("America/New_York", "2026-03-08T06:00:00Z")]
    [InlineData("America/New_York", "2026-11-01T05:00:00Z")]
    [InlineData("Europe/Berlin", "2026-03-29T00:00:00Z")]
    [InlineData("Australia/Adelaide", "2026-04-04T15:30:00Z")]
    public void AWindowAcrossAnOffsetChangeCostsWhatTheCostEngineSays(string zoneId, string start)
    {
        // Every hour of the week weighs differently, and the only two-hour window in the range
        // straddles the change, so pricing it at a fixed offset would get it wrong.
        var curve = Enumerable.Range(0, WeeklyUsage.Hours).Select(h => h + 1.0).ToArray();
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        MaintenanceExposure[] clients = [Client("a", zoneId, curve: curve, costPerHour: 100m)];
        var from = At(start);

        var result = WindowRecommender.Recommend(Search(from, from + TwoHours, TwoHours, count: 1), clients);

        var window = Assert.Single(result.Suggestions);
        Assert.Equal(from, window.Start);
        AssertCostsMatch(clients, window);
        var fixedOffset = TimeZoneInfo.CreateCustomTimeZone("fixed", zone.GetUtcOffset(from), "fixed", "fixed");
        Assert.NotEqual(CostEngine.Integrate(clients[0].Profile!, fixedOffset, from, from + TwoHours), window.Costs[0].Amount);
    }

    [Fact]
    public void EverySuggestionInTheWeekNewYorkSpringsForwardCostsWhatTheCostEngineSays()
    {
        var curve = Enumerable.Range(0, WeeklyUsage.Hours).Select(h => (h % 24 * 1.5) + (h / 24)).ToArray();
        MaintenanceExposure[] clients =
        [
            Client("ny", "America/New_York", "USD", 2500m, curve, 0.8),
            Client("ny-default", "America/New_York", "USD", 400m, WeeklyUsage.BusinessHours),
            Client("tokyo", "Asia/Tokyo", "USD", 900m, curve, 0.5),
        ];

        var result = WindowRecommender.Recommend(Search(At("2026-03-05T00:00:00Z"), At("2026-03-11T00:00:00Z"), TimeSpan.FromMinutes(200), count: 12), clients);

        Assert.Equal(12, result.Suggestions.Count);
        Assert.All(result.Suggestions, s => AssertCostsMatch(clients, s));
    }

    [Theory]
    [InlineData("2026-01-12T10:07:00Z", "2026-01-12T11:00:00Z")]
    [InlineData("2026-01-12T10:00:00Z", "2026-01-12T10:00:00Z")]
    [InlineData("2026-01-12T10:00:00.0000001Z", "2026-01-12T11:00:00Z")]
    public void TheComparisonStartsAtTheNextWholeHourWhateverTheNoticeAndFreezes(string now, string expected)
    {
        MaintenanceExposure[] clients = [Client("a", "Asia/Kathmandu", curve: WeeklyUsage.BusinessHours, notice: 72)];
        FreezeSpan[] freezes = [new(At(now), At(now).AddDays(1))];

        var result = WindowRecommender.Recommend(Search(At(now), At(now).AddDays(7), TwoHours, now: At(now), freezes: freezes), clients);

        Assert.Equal(0, result.Comparison.Rank);
        Assert.Equal(At(expected), result.Comparison.Start);
        Assert.Equal(At(expected) + TwoHours, result.Comparison.End);
        AssertCostsMatch(clients, result.Comparison);
    }

    [Fact]
    public void ExchangeRatesChangeTheRankingButNotTheAmounts()
    {
        // Monday 02:00 spares the dollar client, 10:00 the euro client; each costs the other 1 000.
        MaintenanceExposure[] clients = [Client("usd", currency: "USD", curve: Curve(1, (2, 0))), Client("eur", currency: "EUR", curve: Curve(1, (10, 0)))];
        WindowRecommendation Top(Dictionary<string, decimal>? rates) =>
            WindowRecommender.Recommend(Search(Monday, Monday.AddDays(1), TimeSpan.FromHours(1), count: 1, rates: rates), clients);

        var even = Top(null).Suggestions[0];
        var dearEuros = Top(new() { ["EUR"] = 2m }).Suggestions[0];
        var dearDollars = Top(new() { ["USD"] = 2m }).Suggestions[0];

        Assert.Equal(Monday.AddHours(2), even.Start);
        Assert.Equal(Monday.AddHours(10), dearEuros.Start);
        Assert.Equal(Monday.AddHours(2), dearDollars.Start);
        Assert.Equal([new CurrencyAmount("EUR", 0m), new CurrencyAmount("USD", 1000m)], dearEuros.Costs);
        Assert.Equal(1000m, dearEuros.Score);
        Assert.Equal([new CurrencyAmount("EUR", 1000m), new CurrencyAmount("USD", 0m)], dearDollars.Costs);
        Assert.Equal(1000m, dearDollars.Score);
        Assert.Equal(["usd", "eur"], dearEuros.Clients.Select(c => c.ClientId));
        Assert.Equal(["eur", "usd"], dearDollars.Clients.Select(c => c.ClientId));
    }

    [Fact]
    public void AClientWithoutACostProfileIsListedWithoutACostAndItsNoticeCounts()
    {
        var now = At("2026-01-12T00:00:00Z");
        MaintenanceExposure[] clients = [Unpriced("quiet", "Asia/Tokyo", notice: 48), Client("priced", notice: 0)];

        var result = WindowRecommender.Recommend(Search(now, now.AddDays(7), TwoHours, now: now), clients);

        Assert.Equal(48, result.RequiredNoticeHours);
        Assert.Equal(now.AddHours(48), result.EffectiveEarliest);
        var top = result.Suggestions[0];
        Assert.Equal(2, top.AffectedClients);
        Assert.Equal(["priced", "quiet"], top.Clients.Select(c => c.ClientId));
        var quiet = top.Clients[1];
        Assert.Null(quiet.Cost);
        Assert.Null(quiet.Currency);
        Assert.Equal(TimeSpan.FromHours(9), quiet.LocalStart.Offset);
        Assert.Equal(top.Start, quiet.LocalStart);
        Assert.Equal([new CurrencyAmount("EUR", 2000m)], top.Costs);
    }

    [Fact]
    public void ClientLimitListsTheMostCostlyClientsThenById()
    {
        MaintenanceExposure[] clients =
        [
            Client("a", costPerHour: 100m), Client("c", costPerHour: 300m), Client("b", costPerHour: 300m),
            Client("d", costPerHour: 200m), Client("e", costPerHour: 50m),
        ];

        var result = WindowRecommender.Recommend(Search(Monday, Monday.AddDays(1), TimeSpan.FromHours(1), count: 1, clientLimit: 3), clients);

        var top = result.Suggestions[0];
        Assert.Equal(["b", "c", "d"], top.Clients.Select(c => c.ClientId));
        Assert.Equal([300m, 300m, 200m], top.Clients.Select(c => c.Cost!.Value));
        Assert.Equal(5, top.AffectedClients);
        Assert.Equal(950m, top.Score);
        Assert.Equal(3, result.Comparison.Clients.Count);
    }

    [Fact]
    public void EachClientSeesTheWindowOnItsOwnClock()
    {
        MaintenanceExposure[] clients = [Client("ktm", "Asia/Kathmandu"), Unpriced("adl", "Australia/Adelaide")];

        var top = WindowRecommender.Recommend(Search(Monday, Monday.AddDays(1), TwoHours), clients).Suggestions[0];

        var kathmandu = top.Clients.Single(c => c.ClientId == "ktm");
        Assert.Equal(new DateTimeOffset(2026, 1, 12, 5, 45, 0, TimeSpan.FromHours(5.75)), kathmandu.LocalStart);
        Assert.Equal(TimeSpan.FromHours(5.75), kathmandu.LocalStart.Offset);
        var adelaide = top.Clients.Single(c => c.ClientId == "adl");
        Assert.Equal(TimeSpan.FromHours(10.5), adelaide.LocalEnd.Offset);
        Assert.Equal(top.End, adelaide.LocalEnd);
    }

    [Fact]
    public void WithNoClientAffectedEveryWindowIsFreeAndTheEarliestWins()
    {
        var result = WindowRecommender.Recommend(Search(Monday, Monday.AddDays(1), TwoHours, count: 2), []);

        Assert.Equal(0, result.RequiredNoticeHours);
        Assert.Equal([Monday, Monday + TwoHours], result.Suggestions.Select(s => s.Start));
        Assert.All(result.Suggestions, s => Assert.Empty(s.Costs));
        Assert.All(result.Suggestions, s => Assert.Equal(0m, s.Score));
    }

    [Theory]
    [InlineData(0, 3, 24)]
    [InlineData(-60, 3, 24)]
    [InlineData(120, 0, 24)]
    [InlineData(120, 3, 0)]
    [InlineData(120, 3, -5)]
    public void NothingFitsWithoutADurationACountOrARange(int minutes, int count, int rangeHours)
    {
        var now = At("2026-01-12T08:30:00Z");
        var search = Search(Monday, Monday.AddHours(rangeHours), TimeSpan.FromMinutes(minutes), count: count, now: now);

        var result = WindowRecommender.Recommend(search, [Client("a")]);

        Assert.Empty(result.Suggestions);
        Assert.Equal(0, result.CandidatesConsidered);
        Assert.Equal(At("2026-01-12T09:00:00Z"), result.Comparison.Start);
    }

    [Fact]
    public void AWindowLongerThanTheRangeFindsNothingButStillShowsTheComparison()
    {
        var result = WindowRecommender.Recommend(Search(Monday, Monday.AddHours(1), TwoHours), [Client("a")]);

        Assert.Empty(result.Suggestions);
        Assert.Equal([new CurrencyAmount("EUR", 2000m)], result.Comparison.Costs);
    }
}
