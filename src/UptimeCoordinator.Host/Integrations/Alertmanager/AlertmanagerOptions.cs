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

    /// <summary>What is wrong with these settings, or null when nothing is.</summary>
    public string? Problem() =>
        string.IsNullOrWhiteSpace(ServiceLabel) ? $"{Section}:ServiceLabel must name an alert label, such as \"service\"." : null;
}
