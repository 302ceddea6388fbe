namespace UptimeCoordinator.Contracts.Incidents;

[GenerateSerializer, Alias("uc.GiveIncidentFeedback")]
public sealed record GiveIncidentFeedback(
    [property: Id(0)] string ClientId,
    [property: Id(1)] string? ContactId,
    [property: Id(2)] bool FixedConfirmed,
    [property: Id(3)] int? Rating,
    [property: Id(4)] string? Comment);
