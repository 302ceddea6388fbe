using UptimeCoordinator.Domain.Clients;
using UptimeCoordinator.Domain.Costs;
using UptimeCoordinator.Domain.Observability;

namespace UptimeCoordinator.Grains.Clients;

/// <summary>
/// Counts a client's downtime cost into <c>uptime_downtime_cost_total</c> when spans of its ledger
/// end: the cost is final then, and a span is counted once, by the change that closed it.
/// </summary>
internal static class CostMetrics
{
    public static List<ImpactSpan> OpenSpans(ImpactLedger ledger) => [.. ledger.Spans.Where(s => s.IsOpen)];

    public static void CountEnded(ClientDefinition client, IReadOnlyList<ImpactSpan> openBefore, ImpactLedger ledger)
    {
        if (client.CostProfile is not { } profile || openBefore.Count == 0)
        {
            return;
        }

        var zone = TimeZones.Find(client.TimeZone);
        var total = 0m;
        foreach (var span in ledger.Spans)
        {
            if (span.To is { } to
                && client.SubscriptionTo(span.ServiceId) is { } subscription
                && openBefore.Any(o => o.IncidentId == span.IncidentId && o.ServiceId == span.ServiceId && o.From == span.From))
            {
                total += CostEngine.Cost(profile, zone, subscription.Impact, span.Status, span.From, to);
            }
        }

        if (total > 0)
        {
            UptimeMetrics.DowntimeCost.Add((double)total, new KeyValuePair<string, object?>("currency", profile.Currency));
        }
    }
}
