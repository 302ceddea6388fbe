namespace UptimeCoordinator.Domain.Incidents;

/// <summary>
/// How an incident ended, as the resolved notice tells it. An automatic recovery writes a generated
/// summary; a responder's resolve adds theirs in front of it (<see cref="GeneratedSummary"/> is kept).
/// </summary>
public sealed record IncidentResolution(
    string Summary,
    IReadOnlyList<string> ActionsTaken,
    int? TimeSpentMinutes,
    IReadOnlyList<string> FollowUps,
    string By,
    DateTimeOffset At,
    string? GeneratedSummary)
{
    /// <summary>True while no responder has written a summary: monitoring saw the recovery, nobody explained it yet.</summary>
    public bool IsAutomatic => By.Length == 0;

    public static IncidentResolution Automatic(string generatedSummary, DateTimeOffset at) =>
        new(generatedSummary, [], null, [], "", at, generatedSummary);
}
