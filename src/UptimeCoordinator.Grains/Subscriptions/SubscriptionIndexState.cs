namespace UptimeCoordinator.Grains.Subscriptions;

/// <summary>Persisted state of <see cref="SubscriptionIndexGrain"/>.</summary>
public sealed class SubscriptionIndexState
{
    public SortedSet<string> Clients { get; set; } = new(StringComparer.Ordinal);
}
