using System.Globalization;
using CsCheck;
using UptimeCoordinator.Domain.Costs;

namespace UptimeCoordinator.Domain.Tests.Costs;

/// <summary>Zones with awkward clocks, and instants that crowd around their offset changes.</summary>
internal static class CostGens
{
    /// <summary>
    /// Whole-hour DST (Berlin, New York), a 30-minute DST (Lord Howe), half- and quarter-hour
    /// offsets without DST (Kolkata; Kathmandu, which moved from +05:30 in 1986), and UTC.
    /// </summary>
    public static readonly TimeZoneInfo[] SteadyZones =
        new[] { "Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Asia/Kolkata", "Asia/Kathmandu", "UTC" }
            .Select(TimeZoneInfo.FindSystemTimeZoneById)
            .ToArray();

    /// <summary>The above, and Samoa, which skipped 30 December 2011 by moving from UTC−10 to UTC+14.</summary>
    public static readonly TimeZoneInfo[] Zones = [.. SteadyZones, TimeZoneInfo.FindSystemTimeZoneById("Pacific/Apia")];

    /// <summary>The first instant of a new offset in each zone, some in 2026, some historical.</summary>
    public static readonly (TimeZoneInfo Zone, DateTimeOffset At)[] Transitions = new[]
        {
            ("Europe/Berlin", "2026-03-29T01:00:00Z"), ("Europe/Berlin", "2026-10-25T01:00:00Z"),
            ("America/New_York", "2026-03-08T07:00:00Z"), ("America/New_York", "2026-11-01T06:00:00Z"),
            ("Australia/Lord_Howe", "2026-04-04T15:00:00Z"), ("Australia/Lord_Howe", "2026-10-03T15:30:00Z"),
            ("Asia/Kathmandu", "1985-12-31T18:30:00Z"), ("Pacific/Apia", "2011-12-30T10:00:00Z"),
        }
        .Select(t => (TimeZoneInfo.FindSystemTimeZoneById(t.Item1), DateTimeOffset.Parse(t.Item2, CultureInfo.InvariantCulture)))
        .ToArray();

    private static readonly DateTimeOffset Earliest = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Latest = new(2035, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static readonly Gen<TimeZoneInfo> SteadyZone = Gen.OneOf(SteadyZones);

    /// <summary>Any second from 2000 to 2035, to the tick.</summary>
    public static readonly Gen<DateTimeOffset> Instants =
        Gen.Select(Gen.Long[0, (long)(Latest - Earliest).TotalSeconds], Gen.Long[0, TimeSpan.TicksPerSecond - 1])
            .Select((s, ticks) => Earliest.AddSeconds(s).AddTicks(ticks));

    /// <summary>
    /// Half the time any zone at any instant, half the time a zone within three days before or one
    /// day after one of its transitions, on a whole second (a per-second sum can then be exact).
    /// </summary>
    public static readonly Gen<(TimeZoneInfo Zone, DateTimeOffset At)> ZonedSeconds = Gen.OneOf<(TimeZoneInfo, DateTimeOffset)>(
        Gen.Select(Gen.OneOf(Zones), Instants).Select((zone, at) => (zone, new DateTimeOffset(at.UtcTicks - at.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero))),
        Gen.Select(Gen.OneOf(Transitions), Gen.Int[-3 * 86_400, 86_400]).Select((t, s) => (t.Zone, t.At.AddSeconds(s))));

    /// <summary>As <see cref="ZonedSeconds"/>, to the tick, so that ends fall anywhere inside an hour.</summary>
    public static readonly Gen<(TimeZoneInfo Zone, DateTimeOffset At)> ZonedInstants =
        Gen.Select(ZonedSeconds, Gen.Long[0, TimeSpan.TicksPerSecond - 1]).Select((z, ticks) => (z.Zone, z.At.AddTicks(ticks)));

    /// <summary>A curve with about a quarter of its hours at zero, the rest anywhere up to 1000.</summary>
    public static readonly Gen<double[]> Curves =
        Gen.Select(Gen.Int[0, 3], Gen.Double[0, 1000]).Select((zero, weight) => zero == 0 ? 0 : weight).Array[WeeklyUsage.Hours];

    public static readonly Gen<decimal> CostsPerHour = Gen.Long[0, 100_000_000_000].Select(cents => cents / 100m);

    public static readonly Gen<CostProfile> Profiles =
        Gen.Select(Curves, CostsPerHour).Select((curve, cost) => new CostProfile("EUR", cost, curve, SeverityFactors.Default));

    /// <summary>
    /// |actual − expected| within <paramref name="relative"/> of the larger of the two, or within
    /// <paramref name="absolute"/>: a weight of 1e-20 has only 8 significant digits as a decimal,
    /// which shows in the ninth digit of a figure far below a cent.
    /// </summary>
    public static bool Close(decimal expected, decimal actual, decimal relative, decimal absolute = 0) =>
        Math.Abs(actual - expected) <= Math.Max(absolute, relative * Math.Max(Math.Abs(expected), Math.Abs(actual)));
}
