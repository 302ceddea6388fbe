namespace UptimeCoordinator.Contracts.Incidents;

[GenerateSerializer, Alias("uc.ResolveIncident")]
public sealed record ResolveIncident(
    [property: Id(0)] string By,
    [property: Id(1)] string Summary,
    [property: Id(2)] string[] ActionsTaken,
    [property: Id(3)] int? TimeSpentMinutes,
    [property: Id(4)] string[] FollowUps);
