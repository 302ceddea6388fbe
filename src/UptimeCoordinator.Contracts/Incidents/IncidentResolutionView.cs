using UptimeCoordinator.Domain.Incidents;

namespace UptimeCoordinator.Contracts.Incidents;

/// <summary>How an incident ended: a responder's summary, or monitoring's generated one (<see cref="Automatic"/>).</summary>
[GenerateSerializer, Alias("uc.IncidentResolutionView")]
public sealed record IncidentResolutionView(
    [property: Id(0)] string Summary,
    [property: Id(1)] string[] ActionsTaken,
    [property: Id(2)] int? TimeSpentMinutes,
    [property: Id(3)] string[] FollowUps,
    [property: Id(4)] string? By,
    [property: Id(5)] DateTimeOffset At,
    [property: Id(6)] bool Automatic,
    [property: Id(7)] string? GeneratedSummary)
{
    public static IncidentResolutionView? From(IncidentResolution? r) => r is null
        ? null
        : new(r.Summary, [.. r.ActionsTaken], r.TimeSpentMinutes, [.. r.FollowUps], r.IsAutomatic ? null : r.By, r.At, r.IsAutomatic, r.GeneratedSummary);

    public IncidentResolution ToDomain() =>
        new(Summary, ActionsTaken, TimeSpentMinutes, FollowUps, By ?? "", At, GeneratedSummary);
}
