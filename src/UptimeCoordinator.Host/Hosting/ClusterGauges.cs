using System.Diagnostics.Metrics;
using UptimeCoordinator.Contracts.Incidents;
using UptimeCoordinator.Contracts.Services;
using UptimeCoordinator.Domain;
using UptimeCoordinator.Domain.Observability;

namespace UptimeCoordinator.Host.Hosting;

/// <summary>
/// <c>uptime_incidents_open</c> and <c>uptime_services_by_status{status}</c>: cluster-wide figures
/// that each host reads from the index grains every few seconds and reports as gauges. Every host
/// reports the same figure, so dashboards take <c>max</c> across instances, not the sum.
/// </summary>
internal sealed partial class ClusterGauges : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    private readonly IGrainFactory _grains;
    private readonly ILogger<ClusterGauges> _logger;
    private readonly Meter _meter = new(UptimeMetrics.MeterName);
    private int? _openIncidents;
    private StatusCount[] _statuses = [];

    public ClusterGauges(IGrainFactory grains, ILogger<ClusterGauges> logger)
    {
        (_grains, _logger) = (grains, logger);
        _meter.CreateObservableGauge(
            "uptime_incidents_open",
            () => _openIncidents is { } open ? [new Measurement<int>(open)] : Array.Empty<Measurement<int>>(),
            description: "Incidents open now across the cluster (suspected ones included); every host reports the same figure.");
        _meter.CreateObservableGauge(
            "uptime_services_by_status",
            () => Volatile.Read(ref _statuses).Select(s => new Measurement<int>(s.Count, new KeyValuePair<string, object?>("status", WireNames.Of(s.Status)))),
            description: "Services by the status they show now, across the cluster; every host reports the same figures.");
    }

    public override void Dispose()
    {
        _meter.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                _openIncidents = await _grains.GetGrain<IIncidentIndexGrain>(IIncidentIndexGrain.Key).CountOpenAsync();
                Volatile.Write(ref _statuses, await _grains.GetGrain<IServiceStatusBoardGrain>(IServiceStatusBoardGrain.Key).CountsAsync());
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The silo may still be joining, or be leaving; the gauges keep their last figures until the next read.
                LogReadFailed(ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Reading the cluster gauges failed; keeping the last figures")]
    private partial void LogReadFailed(Exception ex);
}
