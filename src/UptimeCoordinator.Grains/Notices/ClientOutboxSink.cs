using UptimeCoordinator.Contracts.Clients;
using UptimeCoordinator.Contracts.Notices;
using UptimeCoordinator.Delivery;
using UptimeCoordinator.Domain.Notices;

namespace UptimeCoordinator.Grains.Notices;

/// <summary>Reports delivery outcomes back to the outbox in the client's grain.</summary>
internal sealed class ClientOutboxSink(IGrainFactory grains) : IDeliveryOutcomeSink
{
    public Task ReportAsync(string clientId, DeliveryOutcome outcome, CancellationToken cancellationToken) =>
        grains.GetGrain<IClientGrain>(clientId).RecordDeliveryAsync(new NoticeOutcomeMessage(
            outcome.NoticeId,
            outcome.Result switch
            {
                DeliveryResult.Sent => NoticeState.Sent,
                DeliveryResult.Failed => NoticeState.Failed,
                _ => NoticeState.Pending,
            },
            outcome.Attempts,
            outcome.Error,
            outcome.At));
}
