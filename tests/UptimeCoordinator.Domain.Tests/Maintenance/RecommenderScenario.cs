using System.Globalization;
using UptimeCoordinator.Domain.Clients;
using UptimeCoordinator.Domain.Costs;
using UptimeCoordinator.Domain.Maintenance;

namespace UptimeCoordinator.Domain.Tests.Maintenance;

/// <summary>
/// Clients and searches for the recommender's tests, and the plain definition its answers are held
/// to: a window costs what <see cref="CostEngine.Integrate"/> says, client by client.
/// </summary>
internal static class RecommenderScenario
{
    public static readonly IReadOnlyList<double> Flat = Enumerable.Repeat(1.0, WeeklyUsage.Hours).ToArray();

    public static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);

    /// <summary>A curve that is <paramref name="weight"/> everywhere but <paramref name="hours"/> (hour of week → weight).</summary>
    public static double[] Curve(double weight, params (int Hour, double Weight)[] hours)
    {
        var curve = Enumerable.Repeat(weight, WeeklyUsage.Hours).ToArray();
        foreach (var (hour, value) in hours)
        {
            curve[hour] = value;
        }

        return curve;
    }

    public static MaintenanceExposure Client(
        string id, string zone = "UTC", string currency = "EUR", decimal costPerHour = 1000m, IReadOnlyList<double>? curve = null, double share = 1, int notice = 0) =>
        new(id, $"Client {id}", zone, new CostProfile(currency, costPerHour, curve ?? Flat, SeverityFactors.Default), share, notice);

    public static MaintenanceExposure Unpriced(string id, string zone = "UTC", int notice = 0) =>
        new(id, $"Client {id}", zone, null, 1, notice);

    public static WindowSearch Search(
        DateTimeOffset earliest, DateTimeOffset latest, TimeSpan duration, int count = 3, DateTimeOffset? now = null,
        IReadOnlyList<FreezeSpan>? freezes = null, IReadOnlyDictionary<string, decimal>? rates = null, int clientLimit = 10) =>
        new(duration, earliest, latest, count, now ?? earliest, freezes ?? [], rates, clientLimit);

    /// <summary>Each currency's cost of <c>[start, end)</c>, summed client by client through the cost engine.</summary>
    public static SortedDictionary<string, decimal> BruteForceCosts(IEnumerable<MaintenanceExposure> clients, DateTimeOffset start, DateTimeOffset end)
    {
        var costs = new SortedDictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var client in clients)
        {
            if (client.Profile is { } profile)
            {
                var cost = CostEngine.Integrate(profile, TimeZones.Find(client.TimeZone), start, end) * (decimal)client.Share;
                costs[profile.Currency] = costs.GetValueOrDefault(profile.Currency) + cost;
            }
        }

        return costs;
    }

    public static decimal BruteForceScore(IEnumerable<MaintenanceExposure> clients, IReadOnlyDictionary<string, decimal>? rates, DateTimeOffset start, DateTimeOffset end) =>
        BruteForceCosts(clients, start, end).Sum(p => p.Value * (rates?.GetValueOrDefault(p.Key, 1m) ?? 1m));

    /// <summary>The first UTC quarter hour at or after <paramref name="at"/>, worked out the long way.</summary>
    public static DateTimeOffset NextQuarterHour(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        var floor = new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, utc.Minute / 15 * 15, 0, TimeSpan.Zero);
        return floor == utc ? floor : floor.AddMinutes(15);
    }

    public static bool Overlap(DateTimeOffset start, DateTimeOffset end, DateTimeOffset otherStart, DateTimeOffset otherEnd) =>
        start < otherEnd && otherStart < end;

    public static bool Close(decimal expected, decimal actual, decimal relative = 1e-18m, decimal absolute = 1e-20m) =>
        Math.Abs(actual - expected) <= Math.Max(absolute, relative * Math.Max(Math.Abs(expected), Math.Abs(actual)));

    public static void AssertCostsMatch(IEnumerable<MaintenanceExposure> clients, WindowSuggestion suggestion)
    {
        var expected = BruteForceCosts(clients, suggestion.Start, suggestion.End);
        Assert.Equal(expected.Keys, suggestion.Costs.Select(c => c.Currency));
        Assert.All(suggestion.Costs, c => Assert.True(Close(expected[c.Currency], c.Amount), $"{c.Currency}: expected {expected[c.Currency]}, got {c.Amount}"));
    }
}
