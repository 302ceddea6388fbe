using UptimeCoordinator.Domain.Services;

namespace UptimeCoordinator.Domain.Incidents;

/// <summary>The responders' actions: declare, acknowledge, post updates, resolve with a summary, confirm or dismiss a report.</summary>
public sealed partial class Incident
{
    /// <summary>Ops declare an incident on services that monitoring has not (yet) caught.</summary>
    public IncidentActionResult Declare(string id, IReadOnlyList<string> serviceIds, string title, IncidentSeverity severity, string by, string? message, DateTimeOffset at)
    {
        if (Exists)
        {
            return IncidentActionResult.Refused($"Incident '{Id}' already exists.");
        }

        Id = id;
        ServiceIds = [.. serviceIds];
        Title = title;
        Severity = severity;
        Origin = IncidentOrigin.Declared;
        Stage = IncidentStage.Detected;
        OpenedAt = at;
        LastPublicUpdateAt = at;
        Add(at, TimelineEntryKind.Declared, by, message);
        return IncidentActionResult.Done(Bulletin(BulletinKind.Declared, at, by, message));
    }

    /// <summary>A responder has seen a detected incident; <paramref name="eta"/>, when given, is their estimate of the fix.</summary>
    public IncidentActionResult Acknowledge(string by, DateTimeOffset at, DateTimeOffset? eta, string? message)
    {
        if (Refusal(IncidentStage.Detected) is { } refusal)
        {
            return IncidentActionResult.Refused(refusal);
        }

        Stage = IncidentStage.Acknowledged;

        // The first response is what time to acknowledge measures, also when a reopened incident is acknowledged again.
        AcknowledgedAt ??= at;
        AcknowledgedBy ??= by;
        Eta = eta ?? Eta;
        LastPublicUpdateAt = at;
        Add(at, TimelineEntryKind.Acknowledged, by, message, Eta);
        return IncidentActionResult.Done(Bulletin(BulletinKind.Acknowledged, at, by, message, Eta));
    }

    /// <summary>
    /// A responder's public update, moving the stage when <paramref name="stage"/> is given. Posting
    /// on a detected incident counts as acknowledging it: somebody is plainly on it. An ETA that
    /// differs from the one given before makes the update an ETA change.
    /// </summary>
    public IncidentActionResult PostUpdate(string by, DateTimeOffset at, string message, IncidentStage? stage, DateTimeOffset? eta)
    {
        if (stage is not (null or IncidentStage.Investigating or IncidentStage.Identified or IncidentStage.Monitoring))
        {
            return IncidentActionResult.Refused("An update can move the stage to investigating, identified or monitoring only.");
        }

        if (Refusal(IncidentStage.Detected, IncidentStage.Acknowledged, IncidentStage.Investigating, IncidentStage.Identified, IncidentStage.Monitoring) is { } refusal)
        {
            return IncidentActionResult.Refused(refusal);
        }

        if (AcknowledgedAt is null)
        {
            AcknowledgedAt = at;
            AcknowledgedBy = by;
        }

        Stage = stage ?? (Stage == IncidentStage.Detected ? IncidentStage.Investigating : Stage);
        var previous = Eta;
        var etaChanged = eta is { } newEta && newEta != previous;
        Eta = eta ?? Eta;
        LastPublicUpdateAt = at;
        Add(at, etaChanged ? TimelineEntryKind.EtaChanged : TimelineEntryKind.Update, by, message, Eta);
        return IncidentActionResult.Done(etaChanged
            ? Bulletin(BulletinKind.EtaChanged, at, by, message, Eta, previous)
            : Bulletin(BulletinKind.Updated, at, by, message, Eta));
    }

    /// <summary>
    /// A responder resolves the incident with what was done. On an incident that monitoring already
    /// resolved, the responder's summary is added in front of the generated one, once.
    /// </summary>
    public IncidentActionResult ResolveByStaff(string by, DateTimeOffset at, string summary, IReadOnlyList<string> actionsTaken, int? timeSpentMinutes, IReadOnlyList<string> followUps)
    {
        if (Exists && Stage is IncidentStage.Resolved or IncidentStage.Closed)
        {
            if (Resolution is { IsAutomatic: false } done)
            {
                return IncidentActionResult.Refused($"Incident '{Id}' was already resolved by {done.By}.");
            }

            Resolution = new IncidentResolution(summary, [.. actionsTaken], timeSpentMinutes, [.. followUps], by, at, Resolution?.GeneratedSummary);
            Add(at, TimelineEntryKind.SummaryAdded, by, summary);
            return IncidentActionResult.Done(Bulletin(BulletinKind.Resolved, at, by, summary, resolution: Resolution));
        }

        if (Refusal(IncidentStage.Detected, IncidentStage.Acknowledged, IncidentStage.Investigating, IncidentStage.Identified, IncidentStage.Monitoring) is { } refusal)
        {
            return IncidentActionResult.Refused(refusal);
        }

        Stage = IncidentStage.Resolved;
        ResolvedAt = at;
        ResolutionRecordedAt = at;
        Resolution = new IncidentResolution(summary, [.. actionsTaken], timeSpentMinutes, [.. followUps], by, at, null);
        Add(at, TimelineEntryKind.Resolved, by, summary);
        return IncidentActionResult.Done(Bulletin(BulletinKind.Resolved, at, by, summary, resolution: Resolution));
    }

    /// <summary>Ops confirm a client's report: it becomes a detected incident and every affected client hears of it.</summary>
    public IncidentActionResult Confirm(string by, DateTimeOffset at, string? message)
    {
        if (Refusal(IncidentStage.Suspected) is { } refusal)
        {
            return IncidentActionResult.Refused(refusal);
        }

        Stage = IncidentStage.Detected;
        LastPublicUpdateAt = at;
        Add(at, TimelineEntryKind.Confirmed, by, message);
        return IncidentActionResult.Done(Bulletin(BulletinKind.Confirmed, at, by, message));
    }

    /// <summary>Ops found nothing wrong behind a client's report; whoever reported it is told.</summary>
    public IncidentActionResult Dismiss(string by, DateTimeOffset at, string? message)
    {
        if (Refusal(IncidentStage.Suspected) is { } refusal)
        {
            return IncidentActionResult.Refused(refusal);
        }

        Stage = IncidentStage.Dismissed;
        ResolvedAt = at;
        Add(at, TimelineEntryKind.Dismissed, by, message);
        return IncidentActionResult.Done(Bulletin(BulletinKind.Dismissed, at, by, message));
    }

    /// <summary>Null when the incident is at one of <paramref name="allowed"/>; otherwise why the action makes no sense now.</summary>
    private string? Refusal(params IncidentStage[] allowed)
    {
        if (!Exists)
        {
            return "The incident does not exist.";
        }

        if (allowed.Contains(Stage))
        {
            return null;
        }

        return Stage switch
        {
            _ when allowed is [IncidentStage.Suspected] => $"Incident '{Id}' is not a client's unconfirmed report: it is {WireNames.Of(Stage)}.",
            IncidentStage.Suspected => $"Incident '{Id}' is a client's unconfirmed report: confirm or dismiss it first.",
            IncidentStage.Resolved or IncidentStage.Closed => $"Incident '{Id}' is already {WireNames.Of(Stage)}.",
            IncidentStage.Dismissed => $"Incident '{Id}' was dismissed.",
            IncidentStage.Detected => $"Incident '{Id}' has not been acknowledged yet.",
            _ when allowed is [IncidentStage.Detected] => $"Incident '{Id}' was already acknowledged by {AcknowledgedBy ?? "a responder"}.",
            _ => $"Incident '{Id}' is {WireNames.Of(Stage)}, so this does not apply.",
        };
    }

    private IncidentBulletin Bulletin(
        BulletinKind kind, DateTimeOffset at, string by, string? message, DateTimeOffset? eta = null, DateTimeOffset? previousEta = null,
        IncidentResolution? resolution = null, string? clientId = null, string? contactId = null) =>
        new(++BulletinSequence, kind, at, by, message, eta, previousEta, resolution, clientId, contactId);

    private void Add(DateTimeOffset at, TimelineEntryKind kind, string by, string? message, DateTimeOffset? eta = null) =>
        Timeline.Add(new TimelineEntry(at, kind, Stage, by, null, (ServiceStatus?)null, message, eta));
}
