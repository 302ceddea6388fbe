using UptimeCoordinator.Domain.Clients;
using UptimeCoordinator.Domain.Notices;
using UptimeCoordinator.Domain.Sla;
using UptimeCoordinator.Grains.Costs;

namespace UptimeCoordinator.Grains.Clients;

/// <summary>
/// Tells a client's contacts once a month when its month-to-date uptime has fallen below target,
/// and works out when that will happen if the outages still open go on, so the grain can wake then.
/// </summary>
internal static class SlaBreachCheck
{
    private const int MonthsRemembered = 24;

    /// <summary>The notices to plan now (added to the state's record of months told), and when to look again.</summary>
    public static async Task<(List<Notice> Planned, DateTimeOffset? NextCheck)> RunAsync(ClientState state, IMaintenanceHistory maintenance, DateTimeOffset now)
    {
        var client = state.Definition!;
        var zone = TimeZones.Find(client.TimeZone);
        var (year, month) = SlaMonth.Containing(zone, now);
        var key = $"{year:D4}-{month:D2}";
        var anyOpen = state.Ledger.Spans.Any(s => s.IsOpen);
        if (state.SlaBreachesTold.Contains(key))
        {
            return ([], anyOpen ? SlaMonth.Bounds(zone, year, month).To : null);
        }

        var (from, to) = SlaMonth.Bounds(zone, year, month);
        var windows = await maintenance.WindowsAsync([.. client.Subscriptions.Select(s => s.ServiceId)], from, to);
        var report = ClientSlaReports.Month(client, state.Ledger.Spans, windows, year, month, now);
        if (!report.Met)
        {
            state.SlaBreachesTold.Add(key);
            while (state.SlaBreachesTold.Count > MonthsRemembered)
            {
                state.SlaBreachesTold.Remove(state.SlaBreachesTold.Min!);
            }

            var planned = SlaBreachPlanner.Plan(client, report, client.EffectiveSla.FeeCurrency, state.Outbox, now);
            return (planned, anyOpen ? to : null);
        }

        if (!anyOpen)
        {
            return ([], null);
        }

        // While an outage runs, the SLA slips by the minute: wake when it will be missed, or at the month's
        // end to look at the next month.
        var crossing = SlaBreach.CrossingTime(
            client.EffectiveSla.Terms, zone, year, month,
            [.. client.Subscriptions.Select(s => (s.ServiceId, s.Impact))],
            [.. state.Ledger.Spans.Where(s => client.SubscriptionTo(s.ServiceId) is not null).Select(s => new StatusSpan(s.ServiceId, s.Status, s.From, s.To))],
            windows,
            now);
        // A second past the crossing the month is surely below target (the calculator allows a hair's
        // tolerance at the boundary); waking at the very instant would find it still met, and re-arm at once.
        var next = crossing is { } at ? at.AddSeconds(1) : to;
        return ([], next < now.AddSeconds(1) ? now.AddSeconds(1) : next);
    }
}
