using UptimeCoordinator.Contracts.Clients;
using UptimeCoordinator.Contracts.Notices;
using UptimeCoordinator.Delivery;
using UptimeCoordinator.Domain.Notices;

namespace UptimeCoordinator.Grains.Notices;

/// <summary>
/// Reports delivery outcomes back to the outbox in the client's grain, those of one client together
/// while a report to it is in flight: each report is a write of the client's whole state.
/// </summary>
internal sealed class ClientOutboxSink : IDeliveryOutcomeSink
{
    private readonly OutcomeBatches<NoticeOutcomeMessage> _batches;

    public ClientOutboxSink(IGrainFactory grains) =>
        _batches = new((clientId, outcomes) => grains.GetGrain<IClientGrain>(clientId).RecordDeliveriesAsync(outcomes));

    public Task ReportAsync(string clientId, DeliveryOutcome outcome, CancellationToken cancellationToken) =>
        _batches.SendAsync(clientId, new NoticeOutcomeMessage(
            outcome.NoticeId,
            outcome.Result switch
            {
                DeliveryResult.Sent => NoticeState.Sent,
                DeliveryResult.Failed => NoticeState.Failed,
                _ => NoticeState.Pending,
            },
            outcome.Attempts,
            outcome.Error,
            outcome.At)).WaitAsync(cancellationToken);
}
