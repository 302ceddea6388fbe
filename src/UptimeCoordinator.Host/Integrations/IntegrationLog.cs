namespace UptimeCoordinator.Host.Integrations;

/// <summary>Log messages the alert-webhook integrations share.</summary>
internal static partial class IntegrationLog
{
    /// <summary>Alerting tools discard the response body, so the log is where an operator learns of skipped alerts.</summary>
    [LoggerMessage(Level = LogLevel.Warning, Message = "{Tool} webhook (receiver {Receiver}): skipped {Skipped} of {Total} alerts: {Reasons}")]
    public static partial void SkippedAlerts(ILogger logger, string tool, string? receiver, int skipped, int total, string reasons);

    public static void SkippedAlerts(ILogger logger, string tool, string? receiver, int total, IntegrationAccepted accepted)
    {
        if (accepted.Skipped.Length > 0)
        {
            SkippedAlerts(logger, tool, receiver, accepted.Skipped.Length, total, ToolEventBatch.Describe(accepted.Skipped));
        }
    }
}
