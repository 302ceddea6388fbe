using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace UptimeCoordinator.LoadTest.Setup;

/// <summary>
/// Creates the services and clients a scenario needs through the public API, as an operator's
/// provisioning script would: PUT by id, many at once.
/// </summary>
internal sealed class Fleet(HttpClient ops, Action<string> progress)
{
    public const string WebhookSecret = "whsec_bG9hZHRlc3Qtd2ViaG9vay1zZWNyZXQ=";
    private const int Parallelism = 32;

    public Task CreateServicesAsync(IReadOnlyList<string> ids) =>
        PutAllAsync(ids.Select(id => ($"/api/v1/services/{id}", (object)new { name = $"Service {id}" })).ToList(), "services");

    /// <summary>Clients subscribed to <paramref name="serviceIds"/>, each with its webhook contacts at <paramref name="hook"/>.</summary>
    public Task CreateClientsAsync(IReadOnlyList<string> clientIds, IReadOnlyList<string> serviceIds, int contactsPerClient, Func<string, string, Uri> hook) =>
        PutAllAsync(
            clientIds.Select(id => ($"/api/v1/clients/{id}", (object)new
            {
                name = $"Client {id}",
                timeZone = "Europe/Berlin",
                subscriptions = serviceIds.Select(s => new { serviceId = s, impact = 1.0 }).ToArray(),
                costProfile = new { currency = "EUR", costPerHour = 1200 },
                contacts = Enumerable.Range(1, contactsPerClient).Select(k =>
                {
                    var contact = $"k{k.ToString(CultureInfo.InvariantCulture)}";
                    return new { id = contact, name = $"Contact {k}", webhookUrl = hook(id, contact).ToString(), webhookSecret = WebhookSecret };
                }).ToArray(),
            })).ToList(),
            "clients");

    private async Task PutAllAsync(List<(string Path, object Body)> puts, string what)
    {
        var done = 0;
        var step = Math.Max(1, puts.Count / 5);
        await Parallel.ForEachAsync(puts, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (put, cancel) =>
        {
            using var content = new StringContent(JsonSerializer.Serialize(put.Body), Encoding.UTF8, "application/json");
            using var response = await ops.PutAsync(put.Path, content, cancel);
            if (response.StatusCode is not (HttpStatusCode.Created or HttpStatusCode.OK))
            {
                throw new InvalidOperationException($"PUT {put.Path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancel)}");
            }

            if (Interlocked.Increment(ref done) % step == 0)
            {
                progress($"{done}/{puts.Count} {what} created");
            }
        });
    }
}
