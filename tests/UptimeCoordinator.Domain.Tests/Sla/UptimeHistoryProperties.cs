using CsCheck;
using UptimeCoordinator.Domain.Clients;
using UptimeCoordinator.Domain.Services;
using UptimeCoordinator.Domain.Sla;

namespace UptimeCoordinator.Domain.Tests.Sla;

/// <summary>Invariants of the uptime history over random spans, against a minute-by-minute count.</summary>
public sealed class UptimeHistoryProperties
{
    private const int Days = 5;
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 15, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset FirstMidnight = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly int RangeMinutes = (int)(Now - FirstMidnight).TotalMinutes;

    private static readonly Gen<ImpactSpan> Spans =
        Gen.Select(Gen.Enum<ServiceStatus>(), Gen.Int[-600, RangeMinutes + 60], Gen.Int[1, 3000], Gen.Int[0, 9])
            .Select((status, from, length, open) => new ImpactSpan("i", "api", status, FirstMidnight.AddMinutes(from), open == 0 ? null : FirstMidnight.AddMinutes(from + length)));

    private static ServiceUptimeHistory Measure(IEnumerable<ImpactSpan> spans) =>
        UptimeHistory.Daily(spans, ["api"], TimeZoneInfo.Utc, Days, Now, SlaTerms.Default).Single();

    [Fact]
    public void DownMinutesMatchAMinuteByMinuteCount()
    {
        Spans.Array[0, 8].Sample(spans =>
        {
            var history = Measure(spans);
            for (var day = 0; day < Days; day++)
            {
                var start = FirstMidnight.AddDays(day);
                var end = day == Days - 1 ? Now : start.AddDays(1);
                var down = 0;
                for (var minute = start; minute < end; minute = minute.AddMinutes(1))
                {
                    var at = minute;
                    var worst = spans.Where(s => s.From <= at && (s.To ?? Now) > at).Select(s => s.Status)
                        .Where(s => s is ServiceStatus.MajorOutage or ServiceStatus.PartialOutage).DefaultIfEmpty(ServiceStatus.Operational).Max();
                    down += worst == ServiceStatus.Operational ? 0 : 1;
                }

                // A minute of maintenance under an outage still counts as down: trouble outranks planned work.
                Assert.Equal(down, history.Days[day].DownMinutes);
            }
        });
    }

    [Fact]
    public void MinutesNeverExceedTheDayAndPercentagesStayInBounds()
    {
        Spans.Array[0, 12].Sample(spans =>
        {
            var history = Measure(spans);
            Assert.InRange(history.UptimePercent, 0, 100);
            for (var day = 0; day < Days; day++)
            {
                var d = history.Days[day];
                var length = day == Days - 1 ? (Now - FirstMidnight.AddDays(day)).TotalMinutes : 1440;
                Assert.InRange(d.DownMinutes + d.DegradedMinutes + d.MaintenanceMinutes, 0, length);
                Assert.InRange(d.UptimePercent, 0, 100);
            }
        });
    }

    [Fact]
    public void AnotherOutageNeverRaisesAnyPercentage()
    {
        Gen.Select(Spans.Array[0, 8], Spans).Sample((spans, extra) =>
        {
            var before = Measure(spans);
            var after = Measure([.. spans, extra with { Status = ServiceStatus.MajorOutage }]);
            Assert.True(after.UptimePercent <= before.UptimePercent + 1e-9);
            Assert.All(before.Days.Zip(after.Days), p => Assert.True(p.Second.UptimePercent <= p.First.UptimePercent + 1e-9));
        });
    }

    [Fact]
    public void TheRangesPercentageIsTheTimeWeightedMeanOfItsDays()
    {
        Spans.Array[0, 8].Sample(spans =>
        {
            var history = Measure(spans);
            var lengths = Enumerable.Range(0, Days).Select(d => d == Days - 1 ? (Now - FirstMidnight.AddDays(d)).TotalMinutes : 1440).ToArray();
            var mean = history.Days.Select((d, i) => d.UptimePercent * lengths[i]).Sum() / lengths.Sum();
            Assert.Equal(mean, history.UptimePercent, 0.001);
        });
    }
}
