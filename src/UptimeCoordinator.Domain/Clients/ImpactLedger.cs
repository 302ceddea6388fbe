using UptimeCoordinator.Domain.Notices;
using UptimeCoordinator.Domain.Services;

namespace UptimeCoordinator.Domain.Clients;

/// <summary>
/// The history of how incidents touched a client's services: spans of status, opened and closed as
/// the incident steps arrive. Nothing ticks: the running cost and the SLA integrate these spans
/// when someone asks. Spans older than <see cref="Keep"/> are dropped, so the ledger stays bounded.
/// </summary>
public sealed class ImpactLedger
{
    /// <summary>Long enough for any SLA month and cost report people ask about: this month and last year's.</summary>
    public static readonly TimeSpan Keep = TimeSpan.FromDays(400);

    public List<ImpactSpan> Spans { get; set; } = [];

    /// <summary>
    /// Records that, from <paramref name="at"/>, the incident holds each of <paramref name="affected"/> in
    /// its status: a span whose status changed closes and a new one opens; an operational service
    /// closes its span. Services of the incident not listed keep theirs. Returns whether anything changed.
    /// </summary>
    public bool Apply(string incidentId, IReadOnlyList<AffectedService> affected, DateTimeOffset at)
    {
        var changed = false;
        foreach (var service in affected)
        {
            var open = Spans.FindIndex(s => s.IsOpen && s.IncidentId == incidentId && s.ServiceId == service.ServiceId);
            if (open >= 0 && Spans[open].Status == service.Status)
            {
                continue;
            }

            // The next span starts where the last one ends, even when a tool's clock reports the change early.
            var from = at;
            if (open >= 0)
            {
                from = Later(Spans[open].From, at);
                Spans[open] = Spans[open] with { To = from };
                changed = true;
            }

            if (service.Status != ServiceStatus.Operational)
            {
                Spans.Add(new ImpactSpan(incidentId, service.ServiceId, service.Status, from, null));
                changed = true;
            }
        }

        return changed;
    }

    /// <summary>The incident is over for this client: every span it holds open ends at <paramref name="at"/>.</summary>
    public bool Close(string incidentId, DateTimeOffset at)
    {
        var changed = false;
        for (var i = 0; i < Spans.Count; i++)
        {
            if (Spans[i].IsOpen && Spans[i].IncidentId == incidentId)
            {
                Spans[i] = Spans[i] with { To = Later(Spans[i].From, at) };
                changed = true;
            }
        }

        return changed;
    }

    /// <summary>The client no longer uses <paramref name="serviceId"/>: whatever it suffered there ends at <paramref name="at"/>.</summary>
    public bool CloseService(string serviceId, DateTimeOffset at)
    {
        var changed = false;
        for (var i = 0; i < Spans.Count; i++)
        {
            if (Spans[i].IsOpen && Spans[i].ServiceId == serviceId)
            {
                Spans[i] = Spans[i] with { To = Later(Spans[i].From, at) };
                changed = true;
            }
        }

        return changed;
    }

    /// <summary>Drops closed spans that ended before <paramref name="now"/> − <see cref="Keep"/>.</summary>
    public void Trim(DateTimeOffset now) => Spans.RemoveAll(s => s.To is { } end && end < now - Keep);

    // Monitoring may report a recovery with an observedAt before the outage it ends (clock skew between tools).
    private static DateTimeOffset Later(DateTimeOffset from, DateTimeOffset at) => at < from ? from : at;
}
