using UptimeCoordinator.Contracts.Costs;
using UptimeCoordinator.Domain.Clients;
using UptimeCoordinator.Domain.Costs;
using UptimeCoordinator.Domain.Sla;
using UptimeCoordinator.Grains.Costs;

namespace UptimeCoordinator.Grains.Clients;

/// <summary>A client's money and SLA figures, computed at read time from its impact ledger: nothing ticks in storage.</summary>
internal static class ClientCostReader
{
    public static ClientCostShare? OfIncident(ClientState state, string incidentId, DateTimeOffset now)
    {
        if (state.Definition is not { CostProfile: { } profile } client || state.Ledger.Spans.All(s => s.IncidentId != incidentId))
        {
            return null;
        }

        var cost = ClientCosts.OfIncident(client, state.Ledger.Spans, incidentId, now) ?? 0m;
        var rate = ClientCosts.RatePerHour(client, state.Ledger.Spans, incidentId, now) ?? 0m;
        return new ClientCostShare(client.Id, MoneyView.Of(cost, profile.Currency), MoneyView.Of(rate, profile.Currency));
    }

    public static ClientCostView? Over(ClientState state, DateTimeOffset from, DateTimeOffset to, DateTimeOffset now) =>
        state.Definition is { } client && ClientCosts.Over(client, state.Ledger.Spans, from, to, now) is { } breakdown
            ? ClientCostView.Of(client.Id, breakdown)
            : null;

    public static async Task<SlaResult> SlaResultAsync(ClientDefinition client, ImpactLedger ledger, IMaintenanceHistory maintenance, int year, int month, DateTimeOffset now)
    {
        var (from, to) = SlaMonth.Bounds(TimeZones.Find(client.TimeZone), year, month);
        var windows = await maintenance.WindowsAsync([.. client.Subscriptions.Select(s => s.ServiceId)], from, to);
        var report = ClientSlaReports.Month(client, ledger.Spans, windows, year, month, now);
        var currency = client.EffectiveSla.FeeCurrency;
        var view = SlaReportView.Of(client.Id, client.TimeZone, report, currency, windows, client.EffectiveSla.Terms.MaintenanceNoticeHours);
        return new SlaResult(view, SlaCsv.Write(report, client.Id, currency));
    }
}
