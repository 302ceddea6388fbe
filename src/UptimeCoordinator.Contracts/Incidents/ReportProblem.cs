namespace UptimeCoordinator.Contracts.Incidents;

/// <summary>A client reports a problem with services it uses; it opens (or joins) a suspected incident.</summary>
[GenerateSerializer, Alias("uc.ReportProblem")]
public sealed record ReportProblem(
    [property: Id(0)] string ClientId,
    [property: Id(1)] string? ContactId,
    [property: Id(2)] string[] ServiceIds,
    [property: Id(3)] string Title,
    [property: Id(4)] string Message);
