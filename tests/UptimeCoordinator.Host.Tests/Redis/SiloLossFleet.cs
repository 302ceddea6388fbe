using System.Net;
using System.Text.Json;

namespace UptimeCoordinator.Host.Tests.Redis;

/// <summary>One notice of a client's log, as much of it as the silo-loss test checks.</summary>
internal sealed record SiloLossNotice(string Id, string ClientId, string ContactId, string Kind, string SubjectId, string State, int Attempts);

/// <summary>
/// What the silo-loss test defines and reads back: one service that many clients subscribe to, each
/// with several webhook contacts on the tally receiver, and the listings (notices, incidents) it
/// reads, page by page, from whichever host is alive.
/// </summary>
internal sealed class SiloLossFleet(string run, WebhookTallyReceiver receiver, int clients, int contactsPerClient)
{
    public string ServiceId { get; } = $"shared-{run}";

    public IReadOnlyList<string> ClientIds { get; } = [.. Enumerable.Range(0, clients).Select(i => $"c{i:000}-{run}")];

    public int ContactsPerClient => contactsPerClient;

    public int PlannedNotices => ClientIds.Count * contactsPerClient;

    /// <summary>Creates the shared service, the other services and every client, spread over <paramref name="hosts"/>.</summary>
    public async Task DefineAsync(IReadOnlyList<HostProcess> hosts, IEnumerable<string> otherServices)
    {
        foreach (var (id, i) in otherServices.Prepend(ServiceId).Select((id, i) => (id, i)))
        {
            await hosts[i % hosts.Count].SendJsonAsync(HttpMethod.Put, $"api/v1/services/{id}", new { name = $"Service {id}" }, HttpStatusCode.Created);
        }

        await Parallel.ForEachAsync(ClientIds.Select((id, i) => (id, i)), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (client, _) =>
        {
            var (clientId, i) = client;
            await hosts[i % hosts.Count].SendJsonAsync(HttpMethod.Put, $"api/v1/clients/{clientId}", new
            {
                name = $"Client {i}",
                timeZone = "Europe/Berlin",
                subscriptions = new[] { new { serviceId = ServiceId, impact = 1.0 } },
                contacts = Enumerable.Range(0, contactsPerClient).Select(j => new
                {
                    id = $"k{j}",
                    name = $"Contact {j}",
                    webhookUrl = receiver.UrlFor(clientId, $"k{j}").ToString(),
                    webhookSecret = WebhookTallyReceiver.SecretFor(clientId, $"k{j}"),
                }),
            }, HttpStatusCode.Created);
        });
    }

    /// <summary>
    /// Every client's notices, read through <paramref name="hosts"/> in turn; a client whose log no
    /// host could read (its grain is moving) is in <c>Unread</c>.
    /// </summary>
    public async Task<(List<SiloLossNotice> Notices, List<string> Unread)> ReadNoticesAsync(IReadOnlyList<HostProcess> hosts)
    {
        var notices = new System.Collections.Concurrent.ConcurrentBag<SiloLossNotice>();
        var unread = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Parallel.ForEachAsync(ClientIds.Select((id, i) => (id, i)), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (client, _) =>
        {
            var (clientId, i) = client;
            var host = hosts[i % hosts.Count];
            var pages = await TryReadAllAsync(host, $"api/v1/clients/{clientId}/notices?limit=200");
            if (pages is null)
            {
                unread.Add(clientId);
                return;
            }

            foreach (var n in pages)
            {
                notices.Add(new SiloLossNotice(
                    n.GetProperty("id").GetString()!, clientId, n.GetProperty("contactId").GetString()!, n.GetProperty("kind").GetString()!,
                    n.GetProperty("subjectId").GetString()!, n.GetProperty("state").GetString()!, n.GetProperty("attempts").GetInt32()));
            }
        });
        return ([.. notices], [.. unread]);
    }

    /// <summary>Every incident, open or not.</summary>
    public static async Task<List<JsonElement>> ReadIncidentsAsync(HostProcess host) =>
        await TryReadAllAsync(host, "api/v1/incidents?state=all&limit=200")
        ?? throw new InvalidOperationException($"Host {host.Name} did not list the incidents.");

    /// <summary>Every item of a paged listing, or null when a page did not answer 200.</summary>
    private static async Task<List<JsonElement>?> TryReadAllAsync(HostProcess host, string path)
    {
        var items = new List<JsonElement>();
        string? cursor = null;
        do
        {
            var page = cursor is null ? path : $"{path}&cursor={Uri.EscapeDataString(cursor)}";
            try
            {
                using var response = await host.Client.GetAsync(new Uri(page, UriKind.Relative));
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    return null;
                }

                using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                items.AddRange(document.RootElement.GetProperty("items").EnumerateArray().Select(i => i.Clone()));
                cursor = document.RootElement.GetProperty("nextCursor").GetString();
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                return null;
            }
        }
        while (cursor is not null);

        return items;
    }
}
