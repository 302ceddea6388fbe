namespace UptimeCoordinator.Contracts.Maintenance;

[GenerateSerializer, Alias("uc.ScheduleMaintenance")]
public sealed record ScheduleMaintenance(
    [property: Id(0)] string[] ServiceIds,
    [property: Id(1)] DateTimeOffset Start,
    [property: Id(2)] DateTimeOffset End,
    [property: Id(3)] string Title,
    [property: Id(4)] string? Description,
    [property: Id(5)] TimeSpan[] NoticeLeadTimes,
    [property: Id(6)] string By);

[GenerateSerializer, Alias("uc.RescheduleMaintenance")]
public sealed record RescheduleMaintenance(
    [property: Id(0)] DateTimeOffset Start,
    [property: Id(1)] DateTimeOffset End,
    [property: Id(2)] string By);

[GenerateSerializer, Alias("uc.CancelMaintenance")]
public sealed record CancelMaintenance(
    [property: Id(0)] string By,
    [property: Id(1)] string? Reason);
