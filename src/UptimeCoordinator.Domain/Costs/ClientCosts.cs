using UptimeCoordinator.Domain.Clients;

namespace UptimeCoordinator.Domain.Costs;

/// <summary>What one incident, or one service, cost a client over a range (unrounded; round to show).</summary>
public sealed record CostShare(string Id, decimal Amount);

/// <summary>A client's downtime cost over <c>[From, To)</c>, by incident and by service, in its currency.</summary>
public sealed record ClientCostBreakdown(
    string Currency,
    DateTimeOffset From,
    DateTimeOffset To,
    decimal Total,
    IReadOnlyList<CostShare> ByIncident,
    IReadOnlyList<CostShare> ByService);

/// <summary>
/// A client's downtime cost from its impact ledger and its cost profile, at read time: each span
/// costs <see cref="CostEngine.Cost"/> at the subscription's impact, an open span running until now.
/// A service affected by two incidents at once (its own outage and a dependency's) counts for each.
/// </summary>
public static class ClientCosts
{
    /// <summary>Null when the client has no cost profile: no figure is better than a made-up one.</summary>
    public static ClientCostBreakdown? Over(ClientDefinition client, IEnumerable<ImpactSpan> spans, DateTimeOffset from, DateTimeOffset to, DateTimeOffset now)
    {
        if (client.CostProfile is not { } profile)
        {
            return null;
        }

        var zone = TimeZones.Find(client.TimeZone);
        var byIncident = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var byService = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var total = 0m;
        foreach (var span in spans)
        {
            var start = span.From > from ? span.From : from;
            var end = span.To ?? now;
            end = end < to ? end : to;
            if (end <= start || client.SubscriptionTo(span.ServiceId) is not { } subscription)
            {
                continue;
            }

            var amount = CostEngine.Cost(profile, zone, subscription.Impact, span.Status, start, end);
            total += amount;
            byIncident[span.IncidentId] = byIncident.GetValueOrDefault(span.IncidentId) + amount;
            byService[span.ServiceId] = byService.GetValueOrDefault(span.ServiceId) + amount;
        }

        return new(
            profile.Currency, from, to, total,
            [.. byIncident.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Select(p => new CostShare(p.Key, p.Value))],
            [.. byService.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Select(p => new CostShare(p.Key, p.Value))]);
    }

    /// <summary>What <paramref name="incidentId"/> has cost the client so far; null without a cost profile.</summary>
    public static decimal? OfIncident(ClientDefinition client, IEnumerable<ImpactSpan> spans, string incidentId, DateTimeOffset now) =>
        Over(client, spans.Where(s => s.IncidentId == incidentId), DateTimeOffset.MinValue, now, now)?.Total;

    /// <summary>How fast <paramref name="incidentId"/> costs the client money right now, per hour; null without a cost profile.</summary>
    public static decimal? RatePerHour(ClientDefinition client, IEnumerable<ImpactSpan> spans, string incidentId, DateTimeOffset now)
    {
        if (client.CostProfile is not { } profile)
        {
            return null;
        }

        var zone = TimeZones.Find(client.TimeZone);
        return spans
            .Where(s => s.IsOpen && s.IncidentId == incidentId && s.From <= now && client.SubscriptionTo(s.ServiceId) is not null)
            .Sum(s => CostEngine.RatePerHour(profile, zone, client.SubscriptionTo(s.ServiceId)!.Impact, s.Status, now));
    }
}
