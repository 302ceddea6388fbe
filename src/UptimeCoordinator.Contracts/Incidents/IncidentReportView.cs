using UptimeCoordinator.Domain.Incidents;

namespace UptimeCoordinator.Contracts.Incidents;

[GenerateSerializer, Alias("uc.IncidentReportView")]
public sealed record IncidentReportView(
    [property: Id(0)] string ClientId,
    [property: Id(1)] string? ContactId,
    [property: Id(2)] string Message,
    [property: Id(3)] DateTimeOffset At)
{
    public static IncidentReportView From(IncidentReport r) => new(r.ClientId, r.ContactId, r.Message, r.At);
}
