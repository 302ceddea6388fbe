namespace UptimeCoordinator.Contracts.Incidents;

/// <summary>A client an incident reaches: it uses one of the incident's services, or a service depending on one.</summary>
[GenerateSerializer, Alias("uc.AffectedClientView")]
public sealed record AffectedClientView([property: Id(0)] string ClientId, [property: Id(1)] string Name);
