using UptimeCoordinator.Domain.Clients;
using UptimeCoordinator.Domain.Costs;
using UptimeCoordinator.Domain.Services;

namespace UptimeCoordinator.Domain.Maintenance;

/// <summary>
/// How one client is exposed to maintenance on some services: the part of its cost per hour the
/// work would stop, and the notice its SLA asks for before maintenance stops counting as downtime.
/// Built once per recommendation so the recommender never walks subscriptions or SLAs itself.
/// </summary>
/// <param name="TimeZone">The client's IANA zone: its usage curve is read on this clock.</param>
/// <param name="Profile">Null when the client has no cost profile: it is still affected, just never priced.</param>
/// <param name="Share">
/// Σ impact × severity factor over the subscriptions the window reaches, so the window costs
/// <c>costPerHour × Share × usage</c> an hour, as an outage of the same services would.
/// </param>
/// <param name="MaintenanceNoticeHours">The SLA's notice: a window announced later than this ahead counts against the SLA.</param>
public sealed record MaintenanceExposure(
    string ClientId,
    string ClientName,
    string TimeZone,
    CostProfile? Profile,
    double Share,
    int MaintenanceNoticeHours)
{
    /// <summary>
    /// The client's exposure to maintenance on <paramref name="windowServices"/>, or null when it
    /// subscribes to none of them nor to any of <paramref name="dependentServices"/>.
    /// </summary>
    /// <remarks>
    /// A service under maintenance is down for its subscribers, so it weighs as
    /// <see cref="ServiceStatus.UnderMaintenance"/>; a service that only depends on one keeps running
    /// without it, as a partial outage does. A subscription reached both ways counts once, directly.
    /// Without a cost profile the default factors give the share, so the figure still means something
    /// should the client add a profile later.
    /// </remarks>
    public static MaintenanceExposure? Of(ClientDefinition client, IReadOnlySet<string> windowServices, IReadOnlySet<string> dependentServices)
    {
        var factors = client.CostProfile?.SeverityFactors ?? SeverityFactors.Default;
        var reached = false;
        var share = 0.0;
        foreach (var subscription in client.Subscriptions)
        {
            ServiceStatus? status = windowServices.Contains(subscription.ServiceId) ? ServiceStatus.UnderMaintenance
                : dependentServices.Contains(subscription.ServiceId) ? ServiceStatus.PartialOutage
                : null;
            if (status is { } reachedAs)
            {
                reached = true;
                share += subscription.Impact * factors.For(reachedAs);
            }
        }

        return reached
            ? new(client.Id, client.Name, client.TimeZone, client.CostProfile, share, client.EffectiveSla.Terms.MaintenanceNoticeHours)
            : null;
    }
}
