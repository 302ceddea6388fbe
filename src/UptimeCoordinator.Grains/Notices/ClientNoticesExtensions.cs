using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using UptimeCoordinator.Delivery;

namespace UptimeCoordinator.Grains.Notices;

public static class ClientNoticesExtensions
{
    /// <summary>Delivery workers on this silo, reporting back to the clients' outboxes.</summary>
    public static IServiceCollection AddClientNotices(this IServiceCollection services, IConfiguration configuration, bool allowPrivateNetworksByDefault)
    {
        services.AddNoticeDelivery(configuration, allowPrivateNetworksByDefault);
        services.TryAddSingleton<IDeliveryOutcomeSink, ClientOutboxSink>();
        return services;
    }
}
