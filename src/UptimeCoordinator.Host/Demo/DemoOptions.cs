using UptimeCoordinator.Domain.Time;

namespace UptimeCoordinator.Host.Demo;

/// <summary>Configuration section <c>Demo</c>: demo mode for newcomers, in Development only.</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary><c>Demo:Enabled</c>: seeds demo data, runs the simulated monitor and serves the demo inbox.</summary>
    public bool Enabled { get; set; }

    /// <summary>
    /// <c>Demo:BaseUrl</c>: where the seeded webhook contacts reach this host's inbox. Unset: the
    /// host's first listening address.
    /// </summary>
    public Uri? BaseUrl { get; set; }

    /// <summary><c>Demo:FirstBreakAfter</c> (ISO 8601): from the start of the monitor to the first outage.</summary>
    public TimeSpan FirstBreakAfter { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary><c>Demo:OutageDuration</c> (ISO 8601): how long each broken service stays broken.</summary>
    public TimeSpan OutageDuration { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary><c>Demo:QuietDuration</c> (ISO 8601): from one heal to the next break.</summary>
    public TimeSpan QuietDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary><c>Demo:ReportInterval</c> (ISO 8601): how often every service reports its health.</summary>
    public TimeSpan ReportInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Durations that did not parse, kept for the validator to report them all at start.</summary>
    internal List<string> Unreadable { get; } = [];

    internal static void Bind(IConfiguration configuration, DemoOptions options)
    {
        var section = configuration.GetSection(Section);
        options.Enabled = section.GetValue(nameof(Enabled), options.Enabled);
        if (section[nameof(BaseUrl)] is { Length: > 0 } baseUrl)
        {
            options.BaseUrl = Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
                ? uri
                : Fail(options, $"'{Section}:{nameof(BaseUrl)}' must be an absolute http or https URL, not '{baseUrl}'.");
        }

        options.FirstBreakAfter = Duration(section, nameof(FirstBreakAfter), options.FirstBreakAfter, options);
        options.OutageDuration = Duration(section, nameof(OutageDuration), options.OutageDuration, options);
        options.QuietDuration = Duration(section, nameof(QuietDuration), options.QuietDuration, options);
        options.ReportInterval = Duration(section, nameof(ReportInterval), options.ReportInterval, options);
    }

    private static TimeSpan Duration(IConfigurationSection section, string key, TimeSpan fallback, DemoOptions options)
    {
        var text = section[key];
        if (text is null)
        {
            return fallback;
        }

        if (IsoDuration.TryParse(text, out var value) && value > TimeSpan.Zero)
        {
            return value;
        }

        Fail(options, $"'{Section}:{key}' must be an ISO 8601 duration longer than zero such as PT20S, not '{text}'.");
        return fallback;
    }

    private static Uri? Fail(DemoOptions options, string message)
    {
        options.Unreadable.Add(message);
        return null;
    }
}
