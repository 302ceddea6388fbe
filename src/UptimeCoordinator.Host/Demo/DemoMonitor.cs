using System.Globalization;
using Microsoft.Extensions.Options;
using UptimeCoordinator.Contracts.Health;
using UptimeCoordinator.Domain;
using UptimeCoordinator.Domain.Health;
using UptimeCoordinator.Host.Events;

namespace UptimeCoordinator.Host.Demo;

/// <summary>
/// A pretend monitoring tool. Every <see cref="DemoOptions.ReportInterval"/>, and at each break and
/// heal of the <see cref="DemoSchedule"/>, it reports every demo service through the validation and
/// ingest of <c>POST /api/v1/events</c>: the broken one down or degraded, the rest up. The demo
/// services detect on the first failure, so each break opens an incident at once.
/// </summary>
internal sealed partial class DemoMonitor(
    DemoSeedSignal signal,
    EventIngestor ingestor,
    IOptions<DemoOptions> options,
    TimeProvider time,
    ILogger<DemoMonitor> logger) : BackgroundService
{
    public const string Source = "demo-monitor";
    private const string Check = "http";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await signal.Seeded.WaitAsync(stoppingToken))
        {
            return;
        }

        var schedule = new DemoSchedule(time.GetUtcNow(), options.Value, DemoCatalog.BreakOrder);
        DemoOutage? shown = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            var (current, nextChange) = schedule.At(now);
            if (current != shown)
            {
                Announce(shown, current, nextChange);
                shown = current;
            }

            await ReportAsync(current, now);
            var wake = Min(now + options.Value.ReportInterval, nextChange);
            await Task.Delay(wake > now ? wake - now : TimeSpan.Zero, time, stoppingToken);
        }
    }

    private async Task ReportAsync(DemoOutage? outage, DateTimeOffset now)
    {
        var events = new List<(int, string, HealthEvent)>();
        var errors = new ValidationErrors();
        foreach (var serviceId in DemoCatalog.BreakOrder)
        {
            var status = outage?.ServiceId == serviceId ? outage.Status : HealthStatus.Up;
            var request = new HealthEventRequest(serviceId, status, now, Source, Check, MessageFor(status), null);
            if (HealthEventBatchReader.Validate(request, now, errors) is { } valid)
            {
                events.Add((events.Count, serviceId, valid));
            }
        }

        try
        {
            // Someone may delete a demo service to try the API; the others keep reporting.
            await ingestor.IngestAsync(events, UnknownServices.Skip);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogReportFailed(ex);
        }
    }

    private void Announce(DemoOutage? healed, DemoOutage? broken, DateTimeOffset nextChange)
    {
        if (healed is not null)
        {
            LogHealed(healed.ServiceId, Local(nextChange));
        }

        if (broken is not null)
        {
            LogBroken(broken.ServiceId, WireNames.Of(broken.Status), Local(broken.HealsAt));
        }
    }

    private static string? MessageFor(HealthStatus status) => status switch
    {
        HealthStatus.Down => "HTTP 503 Service Unavailable from /health (simulated by demo mode)",
        HealthStatus.Degraded => "p95 latency 2.8 s, above the 500 ms objective (simulated by demo mode)",
        _ => null,
    };

    private string Local(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, time.LocalTimeZone).ToString("HH:mm:ss", CultureInfo.InvariantCulture);

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo monitor: {ServiceId} is {Status} (will heal at {HealsAt})")]
    private partial void LogBroken(string serviceId, string status, string healsAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo monitor: {ServiceId} is healthy again (next break at {NextBreakAt})")]
    private partial void LogHealed(string serviceId, string nextBreakAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo monitor: reporting health failed; it tries again at the next report")]
    private partial void LogReportFailed(Exception exception);
}
