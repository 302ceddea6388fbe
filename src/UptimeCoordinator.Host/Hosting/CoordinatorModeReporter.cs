namespace UptimeCoordinator.Host.Hosting;

internal sealed partial class CoordinatorModeReporter(CoordinatorMode mode, ILogger<CoordinatorModeReporter> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        LogMode(mode.Description);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "UptimeCoordinator runs as {Mode}")]
    private partial void LogMode(string mode);
}
