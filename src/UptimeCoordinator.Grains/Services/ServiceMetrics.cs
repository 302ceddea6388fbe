using UptimeCoordinator.Contracts.Health;
using UptimeCoordinator.Domain;
using UptimeCoordinator.Domain.Observability;

namespace UptimeCoordinator.Grains.Services;

/// <summary>Counts the health events a service takes, by the tool that sent them and their status.</summary>
internal static class ServiceMetrics
{
    // The source is the caller's text: bounded, so a careless tool cannot blow up the series count with one label.
    private const int MaxSourceLength = 40;

    public static void Ingested(HealthEvent healthEvent)
    {
        var source = healthEvent.Source is { Length: > 0 } s ? (s.Length > MaxSourceLength ? s[..MaxSourceLength] : s) : "unknown";
        UptimeMetrics.EventsIngested.Add(1, new("source", source), new("status", WireNames.Of(healthEvent.Status)));
    }
}
