using UptimeCoordinator.Contracts.Costs;
using UptimeCoordinator.Domain.Clients;

namespace UptimeCoordinator.Contracts.Clients;

/// <summary>A client definition as ops submit it.</summary>
[GenerateSerializer, Alias("uc.ClientSpec")]
public sealed record ClientSpec(
    [property: Id(0)] string Name,
    [property: Id(1)] string TimeZone,
    [property: Id(2)] SubscriptionSpec[] Subscriptions,
    [property: Id(3)] ContactSpec[] Contacts,
    [property: Id(4)] CostProfileSpec? CostProfile = null,
    [property: Id(5)] SlaSpec? Sla = null)
{
    public ClientDefinition ToDomain(string id) =>
        new(id, Name, TimeZone, [.. Subscriptions.Select(s => s.ToDomain())], [.. Contacts.Select(c => c.ToDomain())], CostProfile?.ToDomain(), Sla?.ToDomain());
}
