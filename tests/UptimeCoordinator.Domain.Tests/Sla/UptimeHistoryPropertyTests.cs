using CsCheck;
using UptimeCoordinator.Domain.Clients;
using UptimeCoordinator.Domain.Services;
using UptimeCoordinator.Domain.Sla;

namespace UptimeCoordinator.Domain.Tests.Sla;

/// <summary>
/// Invariants of the uptime history over random spans, terms and zones, near clock changes, checked
/// against a minute-by-minute count that finds each minute's local date by converting it.
/// </summary>
public sealed class UptimeHistoryPropertyTests
{
    private const double Tolerance = 1e-9;
    private static readonly string[] Services = ["api", "db"];

    // Clocks that change by an hour, by half an hour (Lord Howe) and at midnight (Havana), and an offset of +05:45.
    private static readonly TimeZoneInfo[] Zones =
        [.. new[] { "UTC", "Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "America/Havana", "Asia/Kathmandu" }.Select(TimeZones.Find)];

    // Days around 2026's clock changes in those zones, so most cases cross one.
    private static readonly DateTimeOffset[] Around =
        [.. new[] { (3, 8), (3, 29), (4, 5), (10, 4), (10, 25), (11, 1), (7, 1) }.Select(d => new DateTimeOffset(2026, d.Item1, d.Item2, 12, 0, 0, TimeSpan.Zero))];

    private static readonly Gen<double> Weight = Gen.OneOf(0.0, 0.25, 0.5, 1.0);

    // Offsets from now in minutes (plus seconds, used only by the ragged cases), reaching before the first day and past now.
    private static readonly Gen<RawSpan> RawSpans =
        Gen.Select(Gen.Int[0, Services.Length - 1], Gen.Enum<ServiceStatus>(), Gen.Int[(-6 * 1440) - 120, 60], Gen.Int[0, 3000], Gen.Int[0, 119], Gen.Int[0, 9])
            .Select((service, status, from, length, seconds, open) => new RawSpan(Services[service], status, from, length, seconds, open == 0));

    private static readonly Gen<Case> Aligned = Cases(ragged: false);
    private static readonly Gen<Case> Ragged = Cases(ragged: true);

    [Fact]
    public void EveryDayMatchesAMinuteByMinuteCount()
    {
        Aligned.Sample(c =>
        {
            var history = Measure(c);
            foreach (var (service, measured) in Services.Zip(history))
            {
                var expected = MinuteByMinute(c, service);
                Assert.Equal(expected.Select(d => d.Date), measured.Days.Select(d => d.Date));
                foreach (var (truth, day) in expected.Zip(measured.Days))
                {
                    Assert.Equal((truth.Down, truth.Degraded, truth.Maintenance, truth.Worst), (day.DownMinutes, day.DegradedMinutes, day.MaintenanceMinutes, day.Worst));
                    Assert.Equal(truth.Length == 0 ? 100 : 100 * (1 - (truth.Lost / truth.Length)), day.UptimePercent, Tolerance);
                }

                Assert.Equal(expected.Sum(d => d.Down), measured.Days.Sum(d => d.DownMinutes));
            }
        });
    }

    [Fact]
    public void EachDayLastsAsLongAsTheMinutesWhoseLocalDateItIs()
    {
        Aligned.Sample(c =>
        {
            var allDown = new ImpactSpan("i", "whole", ServiceStatus.MajorOutage, c.Now.AddDays(-c.Days - 1), null);
            var measured = UptimeHistory.Daily([allDown], ["whole"], c.Zone, c.Days, c.Now).Single();
            Assert.Equal(DayLengths(c), measured.Days.Select(d => d.DownMinutes));
        }, iter: 1000);
    }

    [Fact]
    public void ADaysMinutesNeverAddUpToMoreThanTheDay()
    {
        Ragged.Sample(c =>
        {
            var lengths = DayLengths(c);
            foreach (var measured in Measure(c))
            {
                foreach (var (day, length) in measured.Days.Zip(lengths))
                {
                    Assert.True(day is { DownMinutes: >= 0, DegradedMinutes: >= 0, MaintenanceMinutes: >= 0 }, $"{day}");
                    Assert.InRange(day.DownMinutes + day.DegradedMinutes + day.MaintenanceMinutes, 0, length);
                    Assert.InRange(day.UptimePercent, 0, 100);
                }
            }
        });
    }

    [Fact]
    public void AnotherSpanNeverRaisesAnyPercentage()
    {
        Gen.Select(Gen.OneOf(Aligned, Ragged), RawSpans).Sample((c, extra) =>
        {
            var before = Measure(c);
            var after = Measure(c with { Spans = [.. c.Spans, extra.ToSpan(c.Now, ragged: true)] });
            foreach (var (was, now) in before.Zip(after))
            {
                Assert.True(now.UptimePercent <= was.UptimePercent + Tolerance, $"{was.ServiceId}: {was.UptimePercent} rose to {now.UptimePercent}");
                Assert.All(was.Days.Zip(now.Days), p => Assert.True(p.Second.UptimePercent <= p.First.UptimePercent + Tolerance, $"{p.First} rose to {p.Second}"));
            }
        });
    }

    [Fact]
    public void TheRangesPercentageIsTheTimeWeightedMeanOfItsDays()
    {
        Gen.OneOf(Aligned, Ragged).Sample(c =>
        {
            var lengths = DayLengths(c);
            foreach (var measured in Measure(c))
            {
                var mean = lengths.Sum() == 0 ? 100 : measured.Days.Zip(lengths).Sum(p => p.First.UptimePercent * p.Second) / lengths.Sum();
                Assert.Equal(mean, measured.UptimePercent, Tolerance);
            }
        });
    }

    private static Gen<Case> Cases(bool ragged) =>
        Gen.Select(Gen.Int[0, Zones.Length - 1], Gen.Int[1, 5], Gen.Int[0, Around.Length - 1], Gen.Int[-3 * 1440, 3 * 1440], Weight, Weight, RawSpans.Array[0, 10])
            .Select((zone, days, around, shift, partial, degraded, spans) =>
            {
                var now = Around[around].AddMinutes(shift);
                return new Case(Zones[zone], days, now, SlaTerms.Default with { PartialOutageWeight = partial, DegradedWeight = degraded }, [.. spans.Select(s => s.ToSpan(now, ragged))]);
            });

    private static IReadOnlyList<ServiceUptimeHistory> Measure(Case c) => UptimeHistory.Daily(c.Spans, Services, c.Zone, c.Days, c.Now, c.Terms);

    private static DateOnly LocalDate(TimeZoneInfo zone, DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    /// <summary>The minutes before now, from a day more than the range back, that fall on one of the range's local dates.</summary>
    private static IEnumerable<(DateOnly Date, DateTimeOffset Minute)> Minutes(Case c)
    {
        var first = LocalDate(c.Zone, c.Now).AddDays(1 - c.Days);
        for (var minute = c.Now.AddDays(-c.Days - 1); minute < c.Now; minute = minute.AddMinutes(1))
        {
            if (LocalDate(c.Zone, minute) is var date && date >= first)
            {
                yield return (date, minute);
            }
        }
    }

    // Today is empty when now is its very first instant: it has a bar, at 100 %.
    private static DateOnly[] Dates(Case c) => [.. Enumerable.Range(1 - c.Days, c.Days).Select(LocalDate(c.Zone, c.Now).AddDays)];

    private static int[] DayLengths(Case c)
    {
        var minutes = Minutes(c).CountBy(m => m.Date).ToDictionary();
        return [.. Dates(c).Select(d => minutes.GetValueOrDefault(d))];
    }

    private static List<Truth> MinuteByMinute(Case c, string service)
    {
        var spans = c.Spans.Where(s => s.ServiceId == service).ToArray();
        var days = Dates(c).Select(d => new Truth(d)).ToDictionary(d => d.Date);
        foreach (var (date, minute) in Minutes(c))
        {
            var statuses = spans.Where(s => s.From <= minute && (s.To ?? c.Now) > minute).Select(s => s.Status).ToHashSet();
            var trouble = statuses.Where(s => s is not (ServiceStatus.Operational or ServiceStatus.UnderMaintenance)).ToArray();
            var weight = trouble.Select(c.Terms.WeightOf).DefaultIfEmpty(0).Max();
            var day = days[date];
            day.Length++;
            day.Lost += weight;
            if (weight > 0)
            {
                day.Down++;
            }
            else if (trouble.Length > 0)
            {
                day.Degraded++;
            }
            else if (statuses.Contains(ServiceStatus.UnderMaintenance))
            {
                day.Maintenance++;
            }

            var worst = Array.FindIndex(Severity, statuses.Contains);
            if (worst >= 0 && (day.Worst == ServiceStatus.Operational || worst < Array.IndexOf(Severity, day.Worst)))
            {
                day.Worst = Severity[worst];
            }
        }

        return [.. days.Values.OrderBy(d => d.Date)];
    }

    private static readonly ServiceStatus[] Severity =
        [ServiceStatus.MajorOutage, ServiceStatus.PartialOutage, ServiceStatus.DegradedPerformance, ServiceStatus.UnderMaintenance];

    public sealed record Case(TimeZoneInfo Zone, int Days, DateTimeOffset Now, SlaTerms Terms, ImpactSpan[] Spans)
    {
        public override string ToString() =>
            $"{Zone.Id}, {Days} days to {Now:O}, weights {Terms.PartialOutageWeight}/{Terms.DegradedWeight}, spans: {string.Join("; ", Spans.Select(s => $"{s.ServiceId} {s.Status} {s.From:O}..{s.To:O}"))}";
    }

    public sealed record RawSpan(string Service, ServiceStatus Status, int FromMinutes, int LengthMinutes, int Seconds, bool Open)
    {
        public ImpactSpan ToSpan(DateTimeOffset now, bool ragged)
        {
            var from = now.AddMinutes(FromMinutes).AddSeconds(ragged ? Seconds : 0);
            return new ImpactSpan("i", Service, Status, from, Open ? null : from.AddMinutes(LengthMinutes).AddSeconds(ragged ? Seconds * 0.37 : 0));
        }
    }

    private sealed class Truth(DateOnly date)
    {
        public DateOnly Date { get; } = date;
        public int Length { get; set; }
        public double Lost { get; set; }
        public int Down { get; set; }
        public int Degraded { get; set; }
        public int Maintenance { get; set; }
        public ServiceStatus Worst { get; set; } = ServiceStatus.Operational;
    }
}
