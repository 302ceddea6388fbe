namespace UptimeCoordinator.Contracts.Clients;

/// <summary>A client's definition, as the API shows it.</summary>
[GenerateSerializer, Alias("uc.ClientView")]
public sealed record ClientView(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string TimeZone,
    [property: Id(3)] SubscriptionSpec[] Subscriptions,
    [property: Id(4)] ContactView[] Contacts,
    [property: Id(5)] DateTimeOffset CreatedAt,
    [property: Id(6)] DateTimeOffset UpdatedAt,
    [property: Id(7)] Costs.CostProfileSpec? CostProfile = null,
    [property: Id(8)] Costs.SlaSpec? Sla = null);
