using System.Diagnostics.Metrics;

namespace UptimeCoordinator.Domain.Observability;

/// <summary>
/// The product's own instruments, on one meter every project shares (DESIGN.md §6). Names follow
/// Prometheus conventions once exported: base units, a description each (so `promtool check
/// metrics` is clean), and explicit buckets for latencies measured in seconds.
/// </summary>
public static class UptimeMetrics
{
    public const string MeterName = "UptimeCoordinator";

    /// <summary>From 1 ms to 60 s: a webhook to one contact takes milliseconds, a fan-out to 100,000 seconds.</summary>
    public static readonly IReadOnlyList<double> DeliveryBuckets =
        [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

    private static readonly Meter Meter = new(MeterName);

    /// <summary><c>uptime_events_ingested_total{source, status}</c>: health events taken, by the tool that sent them and their status.</summary>
    public static readonly Counter<long> EventsIngested = Meter.CreateCounter<long>(
        "uptime_events_ingested", unit: null, description: "Health events accepted, by source and status (up, degraded, down); repeats excluded.");

    /// <summary><c>uptime_notices_total{channel, kind, outcome}</c>: how each delivery ended (sent or failed).</summary>
    public static readonly Counter<long> Notices = Meter.CreateCounter<long>(
        "uptime_notices", unit: null, description: "Notices whose delivery ended, by channel, kind and outcome (sent or failed).");

    /// <summary><c>uptime_downtime_cost_total{currency}</c>: money lost to downtime, counted as each span of it ends.</summary>
    public static readonly Counter<double> DowntimeCost = Meter.CreateCounter<double>(
        "uptime_downtime_cost", unit: null, description: "Downtime cost in each client's currency, counted when a span of downtime (an outage or maintenance on a subscribed service) ends.");

    /// <summary><c>uptime_notice_delivery_seconds</c>: from the notice being planned, moments after the event was accepted, to its delivery.</summary>
    public static readonly Histogram<double> NoticeDelivery = Meter.CreateHistogram(
        "uptime_notice_delivery", unit: "s", description: "Seconds from a notice being planned (when its event or action was accepted) to its delivery.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DeliveryBuckets });
}
