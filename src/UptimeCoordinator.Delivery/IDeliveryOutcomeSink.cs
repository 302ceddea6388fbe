namespace UptimeCoordinator.Delivery;

/// <summary>Where the dispatcher reports each outcome: the client's outbox (implemented by the grains).</summary>
public interface IDeliveryOutcomeSink
{
    Task ReportAsync(string clientId, DeliveryOutcome outcome, CancellationToken cancellationToken);
}
