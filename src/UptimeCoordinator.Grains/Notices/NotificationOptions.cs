namespace UptimeCoordinator.Grains.Notices;

/// <summary>Configuration section <c>Notifications</c>: the steps after an incident is resolved, and the links notices carry.</summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>After resolution, ask every affected contact whether it works for them now.</summary>
    public TimeSpan FollowUpDelay { get; set; } = TimeSpan.FromHours(2);

    /// <summary>After resolution, ask how we did.</summary>
    public TimeSpan SurveyDelay { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Where people reach this host; follow-up and survey links start with it.</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5080";
}
