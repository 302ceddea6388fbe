using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using UptimeCoordinator.Delivery;

namespace UptimeCoordinator.Host.Tests.Shutdown;

/// <summary>
/// Stands in front of the host's own outcome sink (the client grains' outboxes): passes every outcome
/// on and records those the client grain accepted, so a test can tell what reached an outbox held only
/// in the memory of a host that has since stopped.
/// </summary>
internal sealed class OutboxWitness(IDeliveryOutcomeSink outboxes) : IDeliveryOutcomeSink
{
    private readonly ConcurrentQueue<DeliveryOutcome> _accepted = new();

    public IReadOnlyList<DeliveryOutcome> Accepted => [.. _accepted];

    /// <summary>Puts a witness in front of the sink registered in <paramref name="services"/>.</summary>
    public static void Install(IServiceCollection services, Action<OutboxWitness> created)
    {
        var sink = services.Last(s => s.ServiceType == typeof(IDeliveryOutcomeSink));
        var type = sink.ImplementationType ?? throw new InvalidOperationException("The host registers its outcome sink by type.");
        services.Remove(sink);
        services.AddSingleton<IDeliveryOutcomeSink>(provider =>
        {
            var witness = new OutboxWitness((IDeliveryOutcomeSink)ActivatorUtilities.CreateInstance(provider, type));
            created(witness);
            return witness;
        });
    }

    public async Task ReportAsync(string clientId, DeliveryOutcome outcome, CancellationToken cancellationToken)
    {
        await outboxes.ReportAsync(clientId, outcome, cancellationToken);
        _accepted.Enqueue(outcome);
    }
}
