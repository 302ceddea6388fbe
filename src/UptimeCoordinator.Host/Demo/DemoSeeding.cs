using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.Options;

namespace UptimeCoordinator.Host.Demo;

/// <summary>
/// Seeds the demo once the host has started: by then the silo is up and the server knows the
/// address the webhook contacts must point at. Then it says, once, which pages to open.
/// </summary>
internal sealed partial class DemoSeeding(
    IHostApplicationLifetime lifetime,
    IServer server,
    IConfiguration configuration,
    IOptions<DemoOptions> options,
    DemoSeeder seeder,
    DemoSeedSignal signal,
    TimeProvider time,
    ILogger<DemoSeeding> logger) : BackgroundService
{
    private const int Attempts = 10;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await WhenStartedAsync(stoppingToken);
            var baseUrl = DemoBaseUrl.Resolve(options.Value, server, configuration);
            signal.Complete(await SeedAsync(baseUrl, stoppingToken));
        }
        finally
        {
            signal.Complete(false);
        }
    }

    private Task WhenStartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        return started.Task.WaitAsync(stoppingToken);
    }

    private async Task<bool> SeedAsync(Uri baseUrl, CancellationToken stoppingToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var result = await seeder.SeedAsync(baseUrl);
                LogSeeded(result.Created, result.Updated);
                Announce(baseUrl);
                return true;
            }
            catch (DemoDataRefusedException ex)
            {
                LogRefused(ex);
                return false;
            }
            catch (Exception ex) when (ex is not OperationCanceledException && attempt < Attempts)
            {
                // A silo that has only just started (or Redis being slow) can time a first grain call out.
                LogRetrying(ex, attempt);
                await Task.Delay(TimeSpan.FromSeconds(2), time, stoppingToken);
            }
        }
    }

    private void Announce(Uri baseUrl)
    {
        var root = baseUrl.ToString().TrimEnd('/');
        var client = DemoCatalog.Clients[0];
        LogDemoOn(root + DemoInboxApi.InboxPath, root + DemoInboxPage.OpsConsoleLink, root + DemoInboxPage.StatusPageLink(client));
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Demo mode is on (made-up services, clients and outages; Development only). Open the webhook inbox {Inbox}, the ops console {Console} and a client's status page {StatusPage}")]
    private partial void LogDemoOn(string inbox, string console, string statusPage);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo mode: seeded the demo services and clients ({Created} created, {Updated} already there)")]
    private partial void LogSeeded(int created, int updated);

    [LoggerMessage(Level = LogLevel.Error, Message = "Demo mode: the demo data was refused, so the simulated monitor does not start")]
    private partial void LogRefused(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo mode: seeding failed (attempt {Attempt}); retrying")]
    private partial void LogRetrying(Exception exception, int attempt);
}
