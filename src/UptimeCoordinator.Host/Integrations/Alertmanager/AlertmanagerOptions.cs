namespace UptimeCoordinator.Host.Integrations.Alertmanager;

/// <summary>Settings of the Alertmanager webhook, section <c>Integrations:Alertmanager</c>.</summary>
public sealed class AlertmanagerOptions
{
    public const string Section = "Integrations:Alertmanager";

    /// <summary>
    /// The alert label that names our service id. When an alert lacks it, <c>job</c> and then
    /// <c>instance</c> (without its <c>:port</c>) stand in.
    /// </summary>
    public string ServiceLabel { get; set; } = "service";

    /// <summary>Reads the section; a blank label is a configuration error, reported at startup.</summary>
    public static AlertmanagerOptions From(IConfiguration configuration)
    {
        var options = configuration.GetSection(Section).Get<AlertmanagerOptions>() ?? new AlertmanagerOptions();
        if (string.IsNullOrWhiteSpace(options.ServiceLabel))
        {
            throw new InvalidOperationException($"{Section}:ServiceLabel must name an alert label, such as \"service\".");
        }

        return options;
    }
}
