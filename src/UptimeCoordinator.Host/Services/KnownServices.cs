using UptimeCoordinator.Contracts.Services;
using UptimeCoordinator.Domain;

namespace UptimeCoordinator.Host.Services;

/// <summary>Refuses a request's <c>serviceIds</c> that name services the catalogue does not have, each by its index.</summary>
internal static class KnownServices
{
    public static async Task<bool> CheckAsync(IGrainFactory grains, string[] serviceIds, ValidationErrors errors)
    {
        var unknown = await grains.GetGrain<IServiceCatalogGrain>(IServiceCatalogGrain.Key).FindUnknownAsync(serviceIds);
        foreach (var serviceId in unknown)
        {
            errors.Add($"serviceIds[{Array.IndexOf(serviceIds, serviceId)}]", $"unknown service '{serviceId}'");
        }

        return unknown.Length == 0;
    }
}
