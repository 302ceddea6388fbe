using UptimeCoordinator.Domain.Health;
using UptimeCoordinator.Domain.Incidents;
using UptimeCoordinator.Domain.Services;

namespace UptimeCoordinator.Contracts.Incidents;

/// <summary>The wire form of <see cref="ServiceTransition"/>.</summary>
[GenerateSerializer, Alias("uc.ServiceTransitionMessage")]
public sealed record ServiceTransitionMessage(
    [property: Id(0)] ServiceTransitionKind Kind,
    [property: Id(1)] string IncidentId,
    [property: Id(2)] string ServiceId,
    [property: Id(3)] long Sequence,
    [property: Id(4)] ServiceStatus From,
    [property: Id(5)] ServiceStatus To,
    [property: Id(6)] DateTimeOffset At,
    [property: Id(7)] string Source,
    [property: Id(8)] string Check,
    [property: Id(9)] string? Message)
{
    public static ServiceTransitionMessage Of(ServiceTransition t) =>
        new(t.Kind, t.IncidentId, t.ServiceId, t.Change.Sequence, t.Change.From, t.Change.To, t.Change.At, t.Change.Source, t.Change.Check, t.Change.Message);

    public ServiceTransition ToDomain() =>
        new(Kind, IncidentId, ServiceId, new StatusChange(Sequence, From, To, At, Source, Check, Message));
}
