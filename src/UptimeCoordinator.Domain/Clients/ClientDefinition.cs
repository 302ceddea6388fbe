namespace UptimeCoordinator.Domain.Clients;

/// <summary>A customer or internal department: the services it depends on and the people to tell.</summary>
public sealed record ClientDefinition(
    string Id,
    string Name,
    string TimeZone,
    IReadOnlyList<Subscription> Subscriptions,
    IReadOnlyList<Contact> Contacts)
{
    public Subscription? SubscriptionTo(string serviceId) => Subscriptions.FirstOrDefault(s => s.ServiceId == serviceId);
}
