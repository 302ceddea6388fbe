namespace UptimeCoordinator.Domain.Incidents;

/// <summary>
/// The delays of an incident's scheduled steps: the longest silence before responders are nudged and
/// clients get a holding update, and when after resolution the follow-up and the survey go out.
/// </summary>
public sealed record IncidentTimings(TimeSpan UpdateInterval, TimeSpan FollowUpDelay, TimeSpan SurveyDelay)
{
    public static IncidentTimings Default { get; } = new(TimeSpan.FromMinutes(30), TimeSpan.FromHours(2), TimeSpan.FromHours(24));
}
