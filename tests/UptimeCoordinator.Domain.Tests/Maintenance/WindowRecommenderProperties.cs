using CsCheck;
using UptimeCoordinator.Domain.Costs;
using UptimeCoordinator.Domain.Maintenance;
using static UptimeCoordinator.Domain.Tests.Maintenance.RecommenderScenario;

namespace UptimeCoordinator.Domain.Tests.Maintenance;

/// <summary>
/// The fast grid against the plain definition: every quarter-hour start priced client by client
/// with <see cref="CostEngine"/>, in zones with whole-, half- and quarter-hour offsets and DST,
/// over ranges that crowd around 2026's offset changes.
/// </summary>
public sealed class WindowRecommenderProperties
{
    private const int Iterations = 150;

    private static readonly Gen<string> Zones = Gen.OneOf("Asia/Tokyo", "America/New_York", "Europe/Berlin", "Asia/Kathmandu", "Australia/Adelaide");

    /// <summary>About one hour in eight at zero, so free windows, and ties between them, are common.</summary>
    private static readonly Gen<double[]> Curves =
        Gen.Select(Gen.Int[0, 7], Gen.Double[0, 10]).Select((zero, weight) => zero == 0 ? 0 : weight).Array[WeeklyUsage.Hours];

    private static readonly Gen<CostProfile?> Profiles =
        Gen.Select(Gen.Int[0, 9], Gen.OneOf("USD", "EUR"), Gen.Long[0, 1_000_000], Curves, Gen.Bool)
            .Select((priced, currency, cents, curve, ownCurve) => priced == 0
                ? null
                : new CostProfile(currency, cents / 100m, ownCurve ? curve : WeeklyUsage.BusinessHours, SeverityFactors.Default));

    private static readonly Gen<MaintenanceExposure> Clients =
        Gen.Select(Gen.Int[0, 999], Zones, Profiles, Gen.Double[0, 2], Gen.Int[0, 48])
            .Select((id, zone, profile, share, notice) => new MaintenanceExposure($"c{id}", $"Client {id}", zone, profile, share, notice));

    // A week or so before New York's, Berlin's and Adelaide's changes in spring and autumn, and a plain January week.
    private static readonly Gen<DateTimeOffset> Nows =
        Gen.Select(
                Gen.OneOf("2026-03-05T00:00:00Z", "2026-03-26T00:00:00Z", "2026-04-02T00:00:00Z", "2026-10-22T00:00:00Z", "2026-10-29T00:00:00Z", "2026-01-12T00:00:00Z"),
                Gen.Long[0, 2 * TimeSpan.TicksPerDay])
            .Select((anchor, ticks) => At(anchor).AddTicks(ticks));

    private static readonly Gen<IReadOnlyDictionary<string, decimal>?> Rates = Gen.Int[0, 2].Select(IReadOnlyDictionary<string, decimal>? (i) => i switch
    {
        0 => null,
        1 => new Dictionary<string, decimal> { ["EUR"] = 1.1m },
        _ => new Dictionary<string, decimal> { ["USD"] = 0.5m, ["EUR"] = 3m },
    });

    private static readonly Gen<(WindowSearch Search, MaintenanceExposure[] Clients)> Scenarios =
        Gen.Select(Nows, Gen.Int[-24 * 60, 48 * 60], Gen.Int[0, 3 * 24 * 60], Gen.Int[60, 8 * 3600], Gen.Int[1, 4], Gen.Select(Gen.Int[-600, 5000], Gen.Int[1, 600]).Array[0, 3], Rates, Clients.Array[1, 5])
            .Select((now, earliestMinutes, rangeMinutes, durationSeconds, count, freezes, rates, clients) =>
            {
                var earliest = now.AddMinutes(earliestMinutes);
                var search = new WindowSearch(
                    TimeSpan.FromSeconds(durationSeconds),
                    earliest,
                    earliest.AddMinutes(rangeMinutes),
                    count,
                    now,
                    [.. freezes.Select(f => new FreezeSpan(earliest.AddMinutes(f.Item1), earliest.AddMinutes(f.Item1 + f.Item2)))],
                    rates,
                    ClientLimit: 3);
                return (search, clients);
            });

    [Fact]
    public void EachSuggestionIsTheCheapestStartLeftWhenItIsChosen()
    {
        Scenarios.Sample(scenario =>
        {
            var (search, clients) = scenario;
            var result = WindowRecommender.Recommend(search, clients);
            var valid = ValidStarts(search, clients).Select(s => (Start: s, Score: BruteForceScore(clients, search.ExchangeRates, s, s + search.Duration))).ToList();

            Assert.Equal(valid.Count, result.CandidatesConsidered);
            foreach (var suggestion in result.Suggestions)
            {
                var cheapest = valid.Min(v => v.Score);
                Assert.True(Close(cheapest, suggestion.Score, relative: 1e-9m, absolute: 1e-18m), $"rank {suggestion.Rank}: {suggestion.Score} > {cheapest}");
                valid.RemoveAll(v => Overlap(v.Start, v.Start + search.Duration, suggestion.Start, suggestion.End));
            }

            // Fewer than asked only when nothing is left.
            Assert.True(result.Suggestions.Count == search.Count || valid.Count == 0);
        }, iter: Iterations);
    }

    [Fact]
    public void NoSuggestionOverlapsAFreezeAnotherSuggestionOrTheNotice()
    {
        Scenarios.Sample(scenario =>
        {
            var (search, clients) = scenario;
            var result = WindowRecommender.Recommend(search, clients);

            Assert.Equal(EffectiveEarliest(search, clients), result.EffectiveEarliest);
            foreach (var s in result.Suggestions)
            {
                Assert.True(s.Start >= result.EffectiveEarliest && s.End <= search.Latest);
                Assert.Equal(search.Duration, s.End - s.Start);
                Assert.Equal(0, s.Start.UtcTicks % TimeSpan.FromMinutes(15).Ticks);
                Assert.DoesNotContain(search.Freezes, f => Overlap(s.Start, s.End, f.Start, f.End));
                Assert.Single(result.Suggestions, other => Overlap(s.Start, s.End, other.Start, other.End));
            }
        }, iter: Iterations);
    }

    [Fact]
    public void EachSuggestionsCostsAreTheCostEnginesClientByClient()
    {
        Scenarios.Sample(scenario =>
        {
            var (search, clients) = scenario;
            var result = WindowRecommender.Recommend(search, clients);

            foreach (var s in result.Suggestions.Append(result.Comparison))
            {
                var expected = BruteForceCosts(clients, s.Start, s.End);
                Assert.Equal(expected.Keys, s.Costs.Select(c => c.Currency));
                Assert.All(s.Costs, c => Assert.True(Close(expected[c.Currency], c.Amount, relative: 1e-9m, absolute: 1e-18m)));
                Assert.Equal(clients.Length, s.AffectedClients);
                Assert.Equal(Math.Min(3, clients.Length), s.Clients.Count);
            }
        }, iter: Iterations);
    }

    private static DateTimeOffset EffectiveEarliest(WindowSearch search, MaintenanceExposure[] clients)
    {
        var noticeEnds = search.Now.AddHours(clients.Select(c => c.MaintenanceNoticeHours).DefaultIfEmpty(0).Max());
        return NextQuarterHour(search.Earliest > noticeEnds ? search.Earliest : noticeEnds);
    }

    private static IEnumerable<DateTimeOffset> ValidStarts(WindowSearch search, MaintenanceExposure[] clients)
    {
        for (var start = EffectiveEarliest(search, clients); start + search.Duration <= search.Latest; start = start.AddMinutes(15))
        {
            if (!search.Freezes.Any(f => Overlap(start, start + search.Duration, f.Start, f.End)))
            {
                yield return start;
            }
        }
    }
}
