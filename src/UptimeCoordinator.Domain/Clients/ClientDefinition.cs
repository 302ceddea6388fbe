using UptimeCoordinator.Domain.Costs;
using UptimeCoordinator.Domain.Sla;

namespace UptimeCoordinator.Domain.Clients;

/// <summary>
/// A customer or internal department: the services it depends on, the people to tell, what an
/// outage costs it (<see cref="CostProfile"/>; none: no cost figures) and what we promised it
/// (<see cref="Sla"/>; none: the default terms).
/// </summary>
public sealed record ClientDefinition(
    string Id,
    string Name,
    string TimeZone,
    IReadOnlyList<Subscription> Subscriptions,
    IReadOnlyList<Contact> Contacts,
    CostProfile? CostProfile = null,
    ClientSla? Sla = null)
{
    public Subscription? SubscriptionTo(string serviceId) => Subscriptions.FirstOrDefault(s => s.ServiceId == serviceId);

    /// <summary>The terms that apply: the client's own, or DESIGN's defaults with the fee in the cost currency.</summary>
    public ClientSla EffectiveSla => Sla ?? new ClientSla(SlaTerms.Default, CostProfile?.Currency ?? ClientSla.DefaultCurrency);
}
