using UptimeCoordinator.Contracts.Clients;
using UptimeCoordinator.Contracts.Services;

namespace UptimeCoordinator.Host.Stream;

/// <summary>
/// The services whose changes reach one client: those it subscribes to and everything they depend
/// on, directly or not. A stream connection keeps one, read when it opens and re-read in the
/// background every <see cref="RefreshInterval"/>, so that matching an event costs a set lookup
/// rather than a grain call, and a subscription changed meanwhile shows within that interval.
/// </summary>
internal sealed class ClientReach(string clientId, IGrainFactory grains, TimeProvider time)
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(30);

    private volatile IReadOnlySet<string> services = new HashSet<string>(StringComparer.Ordinal);
    private long refreshedAtTicks;
    private int refreshing;

    public string ClientId => clientId;

    public static async Task<ClientReach> LoadAsync(string clientId, IGrainFactory grains, TimeProvider time)
    {
        var reach = new ClientReach(clientId, grains, time);
        await reach.RefreshAsync();
        return reach;
    }

    /// <summary>Whether one of <paramref name="serviceIds"/> reaches the client; starts a refresh when the set is old.</summary>
    public bool Touches(IEnumerable<string> serviceIds)
    {
        if (time.GetUtcNow().UtcTicks - Interlocked.Read(ref refreshedAtTicks) > RefreshInterval.Ticks
            && Interlocked.CompareExchange(ref refreshing, 1, 0) == 0)
        {
            _ = RefreshInBackgroundAsync();
        }

        var current = services;
        return serviceIds.Any(current.Contains);
    }

    private async Task RefreshInBackgroundAsync()
    {
        try
        {
            await RefreshAsync();
        }
        catch (Exception)
        {
            // Keep the last known set; the next event past the interval tries again.
            Interlocked.Exchange(ref refreshedAtTicks, time.GetUtcNow().UtcTicks);
        }
        finally
        {
            Interlocked.Exchange(ref refreshing, 0);
        }
    }

    private async Task RefreshAsync()
    {
        var reached = new HashSet<string>(StringComparer.Ordinal);
        if (await grains.GetGrain<IClientGrain>(clientId).GetAsync() is { } client)
        {
            var next = client.Subscriptions.Select(s => s.ServiceId).ToList();
            while (next.Count > 0)
            {
                var fresh = next.Where(reached.Add).ToArray();
                var views = await Task.WhenAll(fresh.Select(id => grains.GetGrain<IServiceGrain>(id).GetAsync()));
                next = [.. views.OfType<ServiceView>().SelectMany(v => v.DependsOn).Where(d => !reached.Contains(d))];
            }
        }

        services = reached;
        Interlocked.Exchange(ref refreshedAtTicks, time.GetUtcNow().UtcTicks);
    }
}
