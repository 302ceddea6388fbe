using UptimeCoordinator.Domain;
using UptimeCoordinator.Domain.Notices;
using UptimeCoordinator.Domain.Observability;

namespace UptimeCoordinator.Delivery.Dispatching;

/// <summary>Counts how deliveries end and how long a sent notice took from being planned.</summary>
internal static class DeliveryMetrics
{
    public static void Record(NoticeDelivery delivery, DeliveryOutcome outcome)
    {
        var result = outcome.Result switch
        {
            DeliveryResult.Sent => "sent",
            DeliveryResult.Failed => "failed",

            // Deferred: nothing was attempted, the notice waits for its channel to be configured.
            _ => null,
        };
        if (result is null)
        {
            return;
        }

        UptimeMetrics.Notices.Add(
            1,
            new("channel", WireNames.Of(delivery.Channel)),
            new("kind", delivery.Kind.WireName()),
            new("outcome", result));
        if (outcome.Result == DeliveryResult.Sent && delivery.PlannedAt is { } planned)
        {
            UptimeMetrics.NoticeDelivery.Record(Math.Max(0, (outcome.At - planned).TotalSeconds), new KeyValuePair<string, object?>("channel", WireNames.Of(delivery.Channel)));
        }
    }
}
