using UptimeCoordinator.Domain.Clients;

namespace UptimeCoordinator.Contracts.Clients;

[GenerateSerializer, Alias("uc.SubscriptionSpec")]
public sealed record SubscriptionSpec([property: Id(0)] string ServiceId, [property: Id(1)] double Impact)
{
    public Subscription ToDomain() => new(ServiceId, Impact);

    public static SubscriptionSpec From(Subscription s) => new(s.ServiceId, s.Impact);
}
