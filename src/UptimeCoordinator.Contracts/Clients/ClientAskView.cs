using UptimeCoordinator.Domain.Notices;

namespace UptimeCoordinator.Contracts.Clients;

/// <summary>A question the client was sent about a resolved incident (is it fixed, how did we do) and has not answered yet.</summary>
[GenerateSerializer, Alias("uc.ClientAskView")]
public sealed record ClientAskView(
    [property: Id(0)] string IncidentId,
    [property: Id(1)] string Title,
    [property: Id(2)] NoticeKind Kind,
    [property: Id(3)] DateTimeOffset AskedAt);
