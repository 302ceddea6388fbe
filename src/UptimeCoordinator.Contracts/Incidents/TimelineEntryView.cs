using UptimeCoordinator.Domain.Incidents;
using UptimeCoordinator.Domain.Services;

namespace UptimeCoordinator.Contracts.Incidents;

[GenerateSerializer, Alias("uc.TimelineEntryView")]
public sealed record TimelineEntryView(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] TimelineEntryKind Kind,
    [property: Id(2)] IncidentStage Stage,
    [property: Id(3)] string Source,
    [property: Id(4)] string? ServiceId,
    [property: Id(5)] ServiceStatus? ServiceStatus,
    [property: Id(6)] string? Message,
    [property: Id(7)] DateTimeOffset? Eta)
{
    public static TimelineEntryView From(TimelineEntry e) => new(e.At, e.Kind, e.Stage, e.Source, e.ServiceId, e.ServiceStatus, e.Message, e.Eta);
}
