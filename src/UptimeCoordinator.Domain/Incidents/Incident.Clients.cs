namespace UptimeCoordinator.Domain.Incidents;

/// <summary>What clients bring to an incident: a report of a problem, and their answer after it was resolved.</summary>
public sealed partial class Incident
{
    /// <summary>
    /// A client reports a problem nobody has confirmed: a suspected incident, which tells only the
    /// reporting client (that we have it) and the responders (that someone should look).
    /// </summary>
    public IncidentActionResult Report(string id, IReadOnlyList<string> serviceIds, string title, IncidentReport report)
    {
        if (Exists)
        {
            return IncidentActionResult.Refused($"Incident '{Id}' already exists.");
        }

        Id = id;
        ServiceIds = [.. serviceIds];
        Title = title;
        Severity = IncidentSeverity.Minor;
        Origin = IncidentOrigin.Reported;
        Stage = IncidentStage.Suspected;
        OpenedAt = report.At;
        LastPublicUpdateAt = report.At;
        return AddReport(report);
    }

    /// <summary>Another report of a problem this incident already covers: the reporter hears we know.</summary>
    public IncidentActionResult AddReport(IncidentReport report)
    {
        if (!Exists || !IsOpen)
        {
            return IncidentActionResult.Refused($"Incident '{Id}' is not open.");
        }

        Reports.Add(report);
        Add(report.At, TimelineEntryKind.Reported, $"client:{report.ClientId}", report.Message);
        return IncidentActionResult.Done(
            Bulletin(BulletinKind.ReportReceived, report.At, $"client:{report.ClientId}", report.Message, Eta, clientId: report.ClientId, contactId: report.ContactId),
            Bulletin(BulletinKind.Reported, report.At, $"client:{report.ClientId}", report.Message, clientId: report.ClientId, contactId: report.ContactId));
    }

    /// <summary>
    /// Records a client's answer to the follow-up or survey, replacing that contact's earlier one.
    /// "Not fixed" on a resolved or closed incident reopens it: the answering client is
    /// told we are back on it, and the responders that it came back.
    /// </summary>
    public IncidentActionResult RecordFeedback(IncidentFeedback feedback)
    {
        if (!Exists)
        {
            return IncidentActionResult.Refused("The incident does not exist.");
        }

        var answerable = Stage is IncidentStage.Resolved or IncidentStage.Closed or IncidentStage.Dismissed || ReopenCount > 0;
        if (!answerable || Stage == IncidentStage.Suspected)
        {
            return IncidentActionResult.Refused($"Incident '{Id}' is still {WireNames.Of(Stage)}: feedback is asked for once it is resolved.");
        }

        // A follow-up answer and a survey answer are two halves of one: what the later leaves out, the earlier said.
        var earlier = Feedback.Find(f => f.ClientId == feedback.ClientId && f.ContactId == feedback.ContactId);
        feedback = feedback with { Rating = feedback.Rating ?? earlier?.Rating, Comment = feedback.Comment ?? earlier?.Comment };
        Feedback.RemoveAll(f => f.ClientId == feedback.ClientId && f.ContactId == feedback.ContactId);
        Feedback.Add(feedback);
        var by = $"client:{feedback.ClientId}";
        Add(feedback.At, TimelineEntryKind.Feedback, by, Describe(feedback));
        // Nothing was fixed behind a dismissed report: "still broken" is recorded, and a new report or monitoring reopens it.
        if (feedback.FixedConfirmed || IsOpen || Stage == IncidentStage.Dismissed)
        {
            return IncidentActionResult.Done();
        }

        ReopenAt(feedback.At);
        Add(feedback.At, TimelineEntryKind.Reopened, by, feedback.Comment ?? "The client says it is not fixed.");
        return IncidentActionResult.Done(
            Bulletin(BulletinKind.ReopenedForClient, feedback.At, by, feedback.Comment, clientId: feedback.ClientId, contactId: feedback.ContactId),
            Bulletin(BulletinKind.Reopened, feedback.At, by, feedback.Comment, clientId: feedback.ClientId, contactId: feedback.ContactId));
    }

    /// <summary>The mean rating clients gave, and how many gave one.</summary>
    public (double? Mean, int Count) Ratings()
    {
        var ratings = Feedback.Where(f => f.Rating is not null).Select(f => f.Rating!.Value).ToList();
        return (ratings.Count == 0 ? null : ratings.Average(), ratings.Count);
    }

    private static string Describe(IncidentFeedback feedback)
    {
        var fixedText = feedback.FixedConfirmed ? "fixed" : "not fixed";
        var rating = feedback.Rating is { } r ? $", rated {r}/5" : "";
        var comment = string.IsNullOrWhiteSpace(feedback.Comment) ? "" : $": {feedback.Comment}";
        return $"{fixedText}{rating}{comment}";
    }
}
