using UptimeCoordinator.Contracts.Clients;
using UptimeCoordinator.Contracts.Costs;
using UptimeCoordinator.Contracts.Incidents;
using UptimeCoordinator.Domain.Incidents;
using UptimeCoordinator.Domain.Notices;
using UptimeCoordinator.Domain.Services;
using UptimeCoordinator.Domain.Time;

namespace UptimeCoordinator.Grains.Clients;

/// <summary>
/// Builds what a client sees from its impacts, with each incident's stage and latest update read
/// fresh from the incident grain (ops may have acknowledged it or given an ETA since the last fan-out).
/// </summary>
internal static class ClientStatusReader
{
    public static async Task<ClientStatusView> ReadAsync(IGrainFactory grains, ClientState state, DateTimeOffset now)
    {
        var client = state.Definition!;
        var impacts = state.Impacts.Values.OrderBy(i => i.StartedAt).ToList();
        var incidents = await Task.WhenAll(impacts.Select(i => grains.GetGrain<IIncidentGrain>(i.IncidentId).GetAsync()));
        var affected = impacts
            .SelectMany(i => i.Affected.Select(a => AffectedServiceView.From(a, i.IncidentId, i.StartedAt)))
            .ToArray();
        var views = impacts.Select((impact, i) =>
        {
            var incident = incidents[i];
            var cost = ClientCostReader.OfIncident(state, impact.IncidentId, now);
            return new ClientIncidentView(
                impact.IncidentId,
                impact.Title,
                incident?.Severity ?? impact.Severity,
                incident?.Stage ?? IncidentStage.Detected,
                impact.StartedAt,
                IsoDuration.Format(TimeSpan.FromSeconds(Math.Floor(Math.Max(0, (now - impact.StartedAt).TotalSeconds)))),
                incident?.Eta,
                incident?.Timeline.LastOrDefault(e => e.Kind.IsPublic()) is { } last ? new LatestUpdateView(last.At, last.Kind, last.Message) : null,
                incident?.NextUpdateDue ?? impact.NextUpdateBy,
                [.. impact.Affected.Select(a => a.ServiceId)],
                cost?.Cost,
                cost?.RatePerHour,
                incident is null ? [] : [.. incident.Timeline.Where(e => e.Kind.IsPublic())]);
        }).ToArray();
        var maintenance = state.MaintenanceInProgress.Values.OrderBy(m => m.Start).ToArray();

        // Trouble outranks planned work: under_maintenance shows only when nothing is broken.
        var worst = affected.Length > 0 ? affected.Max(a => a.Status) : maintenance.Length > 0 ? ServiceStatus.UnderMaintenance : ServiceStatus.Operational;
        var currency = client.CostProfile?.Currency;
        return new ClientStatusView(
            client.Id, client.Name, client.TimeZone, worst, affected, views, now,
            currency is null ? null : new MoneyView(views.Sum(v => v.CostSoFar?.Amount ?? 0m), currency),
            currency is null ? null : new MoneyView(views.Sum(v => v.CostPerHour?.Amount ?? 0m), currency),
            maintenance,
            await UnansweredAsync(grains, state, now));
    }

    /// <summary>How far back a follow-up question still shows as waiting for an answer.</summary>
    public static readonly TimeSpan AskStaysOpen = TimeSpan.FromDays(14);

    /// <summary>The follow-up and survey questions sent to the client lately that nobody of the client has answered.</summary>
    private static async Task<ClientAskView[]> UnansweredAsync(IGrainFactory grains, ClientState state, DateTimeOffset now)
    {
        var asked = state.Outbox.Notices
            .Where(n => n.Kind is NoticeKind.IncidentFollowUp or NoticeKind.IncidentSurvey
                && n.State is not NoticeState.Superseded && n.CreatedAt >= now - AskStaysOpen)
            .GroupBy(n => n.SubjectId, StringComparer.Ordinal)
            .Select(g => g.MaxBy(n => n.CreatedAt)!)
            .ToList();
        if (asked.Count == 0)
        {
            return [];
        }

        var incidents = await Task.WhenAll(asked.Select(n => grains.GetGrain<IIncidentGrain>(n.SubjectId).GetAsync()));
        var clientId = state.Definition!.Id;
        return [.. asked.Zip(incidents)
            .Where(p => p.Second is { Stage: IncidentStage.Resolved or IncidentStage.Closed } incident
                && incident.Feedback.All(f => f.ClientId != clientId))
            .Select(p => new ClientAskView(p.First.SubjectId, p.Second!.Title, p.First.Kind, p.First.CreatedAt))
            .OrderByDescending(a => a.AskedAt)];
    }
}
