using CsCheck;
using UptimeCoordinator.Domain.Services;
using UptimeCoordinator.Domain.Sla;
using static UptimeCoordinator.Domain.Tests.Sla.SlaScenario;

namespace UptimeCoordinator.Domain.Tests.Sla;

/// <summary>Invariants of the SLA arithmetic over random months of spans and windows.</summary>
public sealed class SlaCalculatorProperties
{
    private const double Tolerance = 1e-6;

    private static readonly IReadOnlyList<(string ServiceId, double Impact)> Subscriptions = [("api", 1.0), ("db", 0.5)];

    // Minutes from a day before the month to a day after it, so clipping is exercised.
    private static readonly Gen<int> Minute = Gen.Int[-1440, (int)MonthMinutes + 1440];

    private static readonly Gen<StatusSpan> Spans =
        Gen.Select(Gen.OneOf("api", "db"), Gen.Enum<ServiceStatus>(), Minute, Gen.Int[1, 5000], Gen.Int[0, 9])
            .Select((service, status, from, length, open) => Span(status, from, open == 0 ? null : from + length, service));

    private static readonly Gen<MaintenanceSpan> Windows =
        Gen.Select(Gen.Int[0, 99], Minute, Gen.Int[1, 600], Gen.Int[0, 200], Gen.Int[-60, 60])
            .Select((id, start, length, noticeHours, overrun) =>
                Window($"mw-{id}", start, start + length, noticeHours, overrun > 30 ? start + length + overrun : null));

    private static readonly Gen<(StatusSpan[] Spans, MaintenanceSpan[] Windows, int Now)> Months =
        Gen.Select(Spans.Array[0, 12], Windows.Array[0, 4], Gen.Int[-100, (int)MonthMinutes + 100]);

    private static SlaReport Measure(IReadOnlyList<StatusSpan> spans, IReadOnlyList<MaintenanceSpan> windows, int now) =>
        June(spans, windows, subscriptions: Subscriptions, now: At(now));

    [Fact]
    public void FiguresStayWithinTheirBounds()
    {
        Months.Sample((spans, windows, now) =>
        {
            var report = Measure(spans, windows, now);
            var total = (report.MeasuredUntil - report.From).TotalMinutes;

            Assert.InRange(report.UptimePercent, 0, 100);
            Assert.InRange(report.DownMinutes, 0, report.EligibleMinutes + Tolerance);
            Assert.All(report.Services, s =>
            {
                Assert.InRange(s.UptimePercent, 0, 100);
                Assert.InRange(s.DownMinutes, 0, s.EligibleMinutes + Tolerance);
                Assert.Equal(total, s.EligibleMinutes + s.ExcludedMinutes, Tolerance);
            });
        });
    }

    [Fact]
    public void AnotherOutageNeverRaisesUptime()
    {
        Gen.Select(Months, Spans).Sample((month, extra) =>
        {
            var before = Measure(month.Spans, month.Windows, month.Now);
            var after = Measure([.. month.Spans, extra with { Status = ServiceStatus.MajorOutage }], month.Windows, month.Now);

            Assert.True(after.UptimePercent <= before.UptimePercent + Tolerance, $"{before.UptimePercent} rose to {after.UptimePercent}");
            Assert.True(after.DownMinutes >= before.DownMinutes - Tolerance);
        });
    }

    [Fact]
    public void SplittingASpanInTwoChangesNothing()
    {
        Gen.Select(Months, Gen.Int[0, 11], Gen.Double[0.01, 0.99]).Sample((month, pick, share) =>
        {
            if (month.Spans.Length == 0)
            {
                return;
            }

            var spans = month.Spans.ToList();
            var span = spans[pick % spans.Count];
            var end = span.To ?? AfterMonth;
            var middle = span.From + ((end - span.From) * share);
            spans.Remove(span);
            spans.AddRange([span with { To = middle }, span with { From = middle }]);

            var whole = Measure(month.Spans, month.Windows, month.Now);
            var split = Measure(spans, month.Windows, month.Now);

            Assert.Equal(whole.DownMinutes, split.DownMinutes, Tolerance);
            Assert.Equal(whole.UptimePercent, split.UptimePercent, Tolerance);
        });
    }

    [Fact]
    public void OverallFiguresAreTheImpactWeightedSums()
    {
        Months.Sample((spans, windows, now) =>
        {
            var report = Measure(spans, windows, now);
            var (api, db) = (report.Services[0], report.Services[1]);

            Assert.Equal(api.EligibleMinutes + (0.5 * db.EligibleMinutes), report.EligibleMinutes, Tolerance);
            Assert.Equal(api.DownMinutes + (0.5 * db.DownMinutes), report.DownMinutes, Tolerance);
            Assert.Equal(api.ExcludedMinutes + (0.5 * db.ExcludedMinutes), report.ExcludedMinutes, Tolerance);
        });
    }
}
