using UptimeCoordinator.Domain.Costs;
using UptimeCoordinator.Domain.Maintenance;
using static UptimeCoordinator.Domain.Tests.Maintenance.RecommenderScenario;

namespace UptimeCoordinator.Domain.Tests.Maintenance;

/// <summary>
/// Worked by hand: a client in Tokyo (UTC+9) and one in New York (UTC−5 in January), 1 000 USD an
/// hour each, two hours of work somewhere in the week of Monday 12 January 2026. Announced on
/// Friday 9 January at 01:00 UTC, so the default 72 hours' notice ends Monday at 01:00 UTC.
/// </summary>
/// <remarks>
/// On the default curve (DESIGN.md §2) a business hour weighs 840/289, an evening hour (17–22)
/// 252/289 and every other hour 84/289. The two clients' weekday nights barely meet: Tokyo's
/// 22:00–09:00 is 13:00–24:00 UTC and New York's 22:00–09:00 is 03:00–14:00 UTC, one shared hour,
/// 13:00–14:00. So the cheapest two hours both clients can spare are on the weekend: from New York's
/// Friday 22:00 (Saturday 03:00 UTC, Saturday noon in Tokyo) to Tokyo's Monday 09:00.
/// </remarks>
public sealed class WindowRecommenderExampleTests
{
    private static readonly DateTimeOffset Now = At("2026-01-09T01:00:00Z");
    private static readonly DateTimeOffset WeekStart = At("2026-01-12T00:00:00Z");
    private static readonly TimeSpan TwoHours = TimeSpan.FromHours(2);

    private static MaintenanceExposure[] Clients(IReadOnlyList<double> curve) =>
    [
        new("tokyo", "Tokyo office", "Asia/Tokyo", new CostProfile("USD", 1000m, curve, SeverityFactors.Default), 1, 72),
        new("new-york", "New York office", "America/New_York", new CostProfile("USD", 1000m, curve, SeverityFactors.Default), 1, 72),
    ];

    private static WindowRecommendation Recommend(IReadOnlyList<double> curve) =>
        WindowRecommender.Recommend(Search(WeekStart, WeekStart.AddDays(7), TwoHours, count: 3, now: Now), Clients(curve));

    [Fact]
    public void OnTheDefaultCurveTheWorkWaitsForTheWeekendBothClientsShare()
    {
        var result = Recommend(WeeklyUsage.BusinessHours);

        Assert.Equal(At("2026-01-12T01:00:00Z"), result.EffectiveEarliest);
        var top = result.Suggestions[0];
        // Every start from Saturday 03:00 UTC on costs the floor; ties go to the earliest.
        Assert.Equal(At("2026-01-17T03:00:00Z"), top.Start);
        Assert.Equal(new DateTime(2026, 1, 16, 22, 0, 0), Local(top, "new-york").DateTime);
        Assert.Equal(new DateTime(2026, 1, 17, 12, 0, 0), Local(top, "tokyo").DateTime);
        Assert.All(result.Suggestions, s => Assert.All(s.Clients, c => Assert.True(OffHours(c), $"{c.ClientId} {c.LocalStart}")));

        // 2 hours × 1 000 USD × 84/289 for each client: 336 000 / 289 ≈ 1 162.63 USD.
        Assert.True(Close(336_000m / 289, top.Score, 1e-12m));
        Assert.All(result.Suggestions, s => Assert.True(Close(336_000m / 289, s.Score, 1e-12m)));
    }

    [Fact]
    public void OnTheDefaultCurveStartingNowCostsMoreThanSixTimesAsMuch()
    {
        var result = Recommend(WeeklyUsage.BusinessHours);

        // Friday 01:00–03:00 UTC is 10:00–12:00 at work in Tokyo and 20:00–22:00 on Thursday
        // evening in New York: 2 × 1 000 × (840 + 252) / 289 = 2 184 000 / 289 ≈ 7 557.09 USD.
        Assert.Equal(Now, result.Comparison.Start);
        Assert.True(Close(2_184_000m / 289, result.Comparison.Score, 1e-12m));
        Assert.True(result.Suggestions[0].Score * 6 < result.Comparison.Score);
    }

    [Fact]
    public void WhenOnlyOfficeHoursAreDearATokyoEveningIsANewYorkDawn()
    {
        // Mon–Fri 09–17 = 1, everything else 0.05: now the clients' non-office hours overlap on
        // weekdays (08:00–14:00 UTC: Tokyo 17:00–23:00, New York 03:00–09:00), and the first of
        // them in the range is Monday's.
        var curve = Enumerable.Range(0, WeeklyUsage.Hours).Select(h => h / 24 < 5 && h % 24 is >= 9 and < 17 ? 1.0 : 0.05).ToArray();

        var result = Recommend(curve);

        var top = result.Suggestions[0];
        Assert.Equal(At("2026-01-12T08:00:00Z"), top.Start);
        Assert.Equal(new DateTime(2026, 1, 12, 17, 0, 0), Local(top, "tokyo").DateTime);
        Assert.Equal(new DateTime(2026, 1, 12, 3, 0, 0), Local(top, "new-york").DateTime);
        Assert.True(Close(2 * 1000m * 0.05m * 2, top.Score, 1e-12m));
        Assert.True(top.Score * 10 < result.Comparison.Score);
    }

    [Fact]
    public void WhenWeekendsAreBusyTheWorkFallsInBothClientsWeekdayNight()
    {
        // Mon–Fri 08–20 = 1, weekday nights 0.05, weekends 0.3 (both offices trade on Saturdays). Nights of
        // 20:00–08:00 overlap for two hours on weekdays: Tokyo's 20:00–22:00 is New York's 06:00–08:00
        // (11:00–13:00 UTC in January). Two hours of work fit exactly, the first such night is Monday's.
        var curve = Enumerable.Range(0, WeeklyUsage.Hours).Select(h => h / 24 >= 5 ? 0.3 : h % 24 is >= 8 and < 20 ? 1.0 : 0.05).ToArray();

        var result = Recommend(curve);

        var top = result.Suggestions[0];
        Assert.Equal(At("2026-01-12T11:00:00Z"), top.Start);
        Assert.Equal(new DateTime(2026, 1, 12, 20, 0, 0), Local(top, "tokyo").DateTime);
        Assert.Equal(new DateTime(2026, 1, 12, 6, 0, 0), Local(top, "new-york").DateTime);
        Assert.All(top.Clients, c => Assert.True(AtNight(c), $"{c.ClientId} {c.LocalStart}–{c.LocalEnd}"));

        // 2 clients × 2 hours × 1 000 USD × 0.05.
        Assert.True(Close(200m, top.Score, 1e-12m));
        Assert.True(top.Score * 10 < result.Comparison.Score);
    }

    private static DateTimeOffset Local(WindowSuggestion suggestion, string clientId) =>
        suggestion.Clients.Single(c => c.ClientId == clientId).LocalStart;

    // Every quarter of the window between 20:00 and 08:00 on a weekday night, on the client's clock.
    private static bool AtNight(ClientWindowCost client)
    {
        for (var at = client.LocalStart; at < client.LocalEnd; at = at.AddMinutes(15))
        {
            var local = TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById(client.TimeZone));
            if (local.Hour is >= 8 and < 20 || local.DayOfWeek is DayOfWeek.Saturday || (local.DayOfWeek is DayOfWeek.Sunday && local.Hour < 20))
            {
                return false;
            }
        }

        return true;
    }

    // Outside 08:00–20:00 or on the weekend, on the client's clock, for every quarter of the window.
    private static bool OffHours(ClientWindowCost client)
    {
        for (var at = client.LocalStart; at < client.LocalEnd; at = at.AddMinutes(15))
        {
            var local = TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById(client.TimeZone));
            if (local.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && local.Hour is >= 8 and < 20)
            {
                return false;
            }
        }

        return true;
    }
}
