namespace UptimeCoordinator.Host.RateLimiting;

/// <summary>
/// Configuration section <c>RateLimiting</c> (DESIGN.md §7): requests per second that one API key of
/// each role may make; 0 switches the limit off for that role.
/// </summary>
public sealed class RateLimitingOptions
{
    public const string Section = "RateLimiting";

    /// <summary>Monitoring tools post in bursts (a whole fleet's checks at once), so theirs is high.</summary>
    public int MonitorPerSecond { get; set; } = 20_000;

    public int OpsPerSecond { get; set; } = 200;

    /// <summary>A client's key reads its own status; a page polls far below this.</summary>
    public int ClientPerSecond { get; set; } = 20;
}
