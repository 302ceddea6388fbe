using UptimeCoordinator.Domain.Time;

namespace UptimeCoordinator.Host.Stream;

/// <summary>Configuration section <c>Stream</c>: the live change stream of <c>GET /api/v1/stream</c>.</summary>
public sealed class ChangeStreamOptions
{
    public const string Section = "Stream";

    /// <summary><c>Stream:HeartbeatInterval</c> (ISO 8601): how often an SSE comment keeps idle connections and proxies awake.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary><c>Stream:ReplayBufferSize</c>: how many recent events this host keeps for <c>Last-Event-ID</c> resumption.</summary>
    public int ReplayBufferSize { get; set; } = 1000;

    /// <summary>
    /// <c>Stream:SubscriberBufferSize</c>: how many events one connection may fall behind before it is
    /// dropped, so that a slow reader never holds up the others.
    /// </summary>
    public int SubscriberBufferSize { get; set; } = 1000;

    internal static void Bind(IConfiguration configuration, ChangeStreamOptions options)
    {
        var section = configuration.GetSection(Section);
        if (section[nameof(HeartbeatInterval)] is { } heartbeat)
        {
            options.HeartbeatInterval = IsoDuration.TryParse(heartbeat, out var value) && value > TimeSpan.Zero
                ? value
                : throw new InvalidOperationException($"Configuration '{Section}:{nameof(HeartbeatInterval)}' must be a positive ISO 8601 duration such as PT15S, not '{heartbeat}'.");
        }

        options.ReplayBufferSize = PositiveInt(section, nameof(ReplayBufferSize), options.ReplayBufferSize);
        options.SubscriberBufferSize = PositiveInt(section, nameof(SubscriberBufferSize), options.SubscriberBufferSize);
    }

    private static int PositiveInt(IConfigurationSection section, string key, int fallback)
    {
        var text = section[key];
        if (text is null)
        {
            return fallback;
        }

        return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new InvalidOperationException($"Configuration '{Section}:{key}' must be a positive whole number, not '{text}'.");
    }
}
