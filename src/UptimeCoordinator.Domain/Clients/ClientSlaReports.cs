using UptimeCoordinator.Domain.Sla;

namespace UptimeCoordinator.Domain.Clients;

/// <summary>A client's SLA month from its impact ledger, its subscriptions and the maintenance windows of its services.</summary>
public static class ClientSlaReports
{
    public static SlaReport Month(
        ClientDefinition client, IEnumerable<ImpactSpan> spans, IReadOnlyList<MaintenanceSpan> maintenance, int year, int month, DateTimeOffset now) =>
        SlaCalculator.Month(
            client.EffectiveSla.Terms,
            TimeZones.Find(client.TimeZone),
            year,
            month,
            [.. client.Subscriptions.Select(s => (s.ServiceId, s.Impact))],
            [.. spans.Where(s => client.SubscriptionTo(s.ServiceId) is not null).Select(s => new StatusSpan(s.ServiceId, s.Status, s.From, s.To))],
            maintenance,
            now);
}
