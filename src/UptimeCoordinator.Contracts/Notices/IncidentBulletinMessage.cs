using UptimeCoordinator.Contracts.Incidents;
using UptimeCoordinator.Domain.Incidents;
using UptimeCoordinator.Domain.Notices;

namespace UptimeCoordinator.Contracts.Notices;

/// <summary>The wire form of <see cref="IncidentBulletinStep"/>: one message for every client a bulletin reaches.</summary>
[GenerateSerializer, Alias("uc.IncidentBulletinMessage")]
public sealed record IncidentBulletinMessage(
    [property: Id(0)] long Sequence,
    [property: Id(1)] BulletinKind Kind,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] string By,
    [property: Id(4)] string? Message,
    [property: Id(5)] DateTimeOffset? Eta,
    [property: Id(6)] DateTimeOffset? PreviousEta,
    [property: Id(7)] IncidentResolutionView? Resolution,
    [property: Id(8)] string? ClientId,
    [property: Id(9)] string? ContactId,
    [property: Id(10)] string IncidentId,
    [property: Id(11)] string Title,
    [property: Id(12)] IncidentSeverity Severity,
    [property: Id(13)] IncidentStage Stage,
    [property: Id(14)] DateTimeOffset OpenedAt,
    [property: Id(15)] DateTimeOffset? ResolvedAt,
    [property: Id(16)] BulletinServiceMessage[] Impacted)
{
    public static IncidentBulletinMessage Of(IncidentBulletin b, Incident incident, BulletinServiceMessage[] impacted) => new(
        b.Sequence, b.Kind, b.At, b.By, b.Message, b.Eta, b.PreviousEta, IncidentResolutionView.From(b.Resolution), b.ClientId, b.ContactId,
        incident.Id, incident.Title, incident.Severity, incident.Stage, incident.OpenedAt, incident.ResolvedAt, impacted);

    public IncidentBulletinStep ToDomain() => new(
        new IncidentBulletin(Sequence, Kind, At, By, Message, Eta, PreviousEta, Resolution?.ToDomain(), ClientId, ContactId),
        IncidentId, Title, Severity, Stage, OpenedAt, ResolvedAt, [.. Impacted.Select(i => i.ToDomain())]);
}
