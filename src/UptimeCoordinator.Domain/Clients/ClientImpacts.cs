using UptimeCoordinator.Domain.Incidents;
using UptimeCoordinator.Domain.Notices;
using UptimeCoordinator.Domain.Services;

namespace UptimeCoordinator.Domain.Clients;

/// <summary>Keeps a client's open impacts in step with the incidents that reach it.</summary>
public static class ClientImpacts
{
    /// <summary>
    /// Applies <paramref name="step"/> to <paramref name="impacts"/>. Null when the step is none of the
    /// client's business: it reaches none of its services and the client has no impact of that incident.
    /// A resolution closes the impact and tells about the services it had reached, now operational.
    /// </summary>
    public static ImpactChange? Apply(Dictionary<string, ClientImpact> impacts, ClientDefinition client, IncidentStep step, DateTimeOffset nextUpdateBy)
    {
        impacts.TryGetValue(step.IncidentId, out var impact);
        if (step.Resolves)
        {
            if (impact is null)
            {
                return null;
            }

            impacts.Remove(step.IncidentId);
            return new(impact, [.. impact.Affected.Select(a => a with { Status = ServiceStatus.Operational })]);
        }

        var affected = ClientExposure.Of(client, step);
        if (affected.Count == 0)
        {
            return null;
        }

        impact ??= new ClientImpact
        {
            IncidentId = step.IncidentId,
            ServiceId = step.ServiceId,
            Title = step.Title,
            StartedAt = step.At,
            Severity = IncidentSeverity.Minor,
        };
        if (step.Status.ToSeverity() is { } severity && severity > impact.Severity)
        {
            impact.Severity = severity;
            impact.Title = step.Title;
        }

        impact.UpdatedAt = step.At;
        impact.Message = step.Message;
        impact.Affected = affected;
        impact.NextUpdateBy = nextUpdateBy;
        impacts[step.IncidentId] = impact;
        return new(impact, affected);
    }
    /// <summary>
    /// Applies an incident's own bulletin to <paramref name="impacts"/>. Null when it is none of the
    /// client's business: it reaches none of its services, the client has no impact of it, and it
    /// is not addressed to this client. Only a bulletin of an incident still open opens or updates
    /// an impact, so a late repeat never brings back one that was closed.
    /// </summary>
    public static ImpactChange? ApplyBulletin(Dictionary<string, ClientImpact> impacts, ClientDefinition client, IncidentBulletinStep step, DateTimeOffset nextUpdateBy)
    {
        impacts.TryGetValue(step.IncidentId, out var impact);
        var exposure = ClientExposure.OfImpacted(client, step.Impacted);
        var affected = exposure.Count > 0 ? exposure : impact?.Affected ?? [];
        if (affected.Count == 0 && impact is null && step.Bulletin.ClientId != client.Id)
        {
            return null;
        }

        var view = impact ?? new ClientImpact
        {
            IncidentId = step.IncidentId,
            ServiceId = affected.FirstOrDefault()?.ServiceId ?? step.Impacted.FirstOrDefault()?.ServiceId ?? "",
            Title = step.Title,
            StartedAt = step.OpenedAt,
            Severity = step.Severity,
            Affected = [.. affected],
        };
        switch (step.Bulletin.Kind)
        {
            case BulletinKind.Resolved or BulletinKind.Dismissed:
                impacts.Remove(step.IncidentId);
                return new(view, [.. affected.Select(a => a with { Status = ServiceStatus.Operational })]);
            case BulletinKind.FollowUp or BulletinKind.Survey:
                return new(view, [.. affected.Select(a => a with { Status = ServiceStatus.Operational })]);
        }

        if (step.IncidentIsOpen)
        {
            view.Severity = step.Severity > view.Severity ? step.Severity : view.Severity;
            view.UpdatedAt = step.Bulletin.At;
            view.Message = step.Bulletin.Message ?? view.Message;
            view.Eta = step.Bulletin.Eta ?? view.Eta;
            view.Affected = [.. affected];
            view.NextUpdateBy = nextUpdateBy;
            impacts[step.IncidentId] = view;
        }

        return new(view, affected);
    }
}
