namespace UptimeCoordinator.Domain.Incidents;

/// <summary>
/// What a responder's or client's action did: applied with the bulletins it hands out, or refused
/// with the reason (an action that makes no sense at this stage changes nothing).
/// </summary>
public sealed record IncidentActionResult(bool Applied, string? Refusal, IReadOnlyList<IncidentBulletin> Bulletins)
{
    public static IncidentActionResult Refused(string reason) => new(false, reason, []);

    public static IncidentActionResult Done(params IncidentBulletin[] bulletins) => new(true, null, bulletins);
}
