using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using UptimeCoordinator.LoadTest.Driving;
using UptimeCoordinator.LoadTest.Receiving;
using UptimeCoordinator.LoadTest.Reporting;
using UptimeCoordinator.LoadTest.Setup;

namespace UptimeCoordinator.LoadTest.Scenarios;

/// <summary>
/// Down events to contacts: <c>rounds</c> services, each followed by <c>contacts</c> webhook
/// contacts spread over clients subscribed to all of them. Each round sends one <c>down</c> event for
/// the next service and waits until every contact has its <c>incident.detected</c> webhook. A fresh
/// service per round keeps each round a new incident (not a reopened one). With one contact this is
/// the event-to-notice latency; with thousands, the fan-out.
/// </summary>
internal sealed class DeliveryScenario(string key, string name, int contacts, int contactsPerClient, int rounds)
{
    private static readonly TimeSpan ArrivalTimeout = TimeSpan.FromSeconds(60);

    private int PerClient => Math.Min(contactsPerClient, contacts);

    private int Clients => (contacts + PerClient - 1) / PerClient;

    private string Service(int round) => $"{key}-s{round.ToString(CultureInfo.InvariantCulture)}";

    private double _setupSeconds;

    public async Task SetupAsync(Fleet fleet, DeliveryReceiver receiver)
    {
        if (contacts % PerClient != 0)
        {
            throw new ArgumentException($"{contacts} contacts do not split into clients of {PerClient}");
        }

        var clock = Stopwatch.StartNew();
        var services = Enumerable.Range(1, rounds).Select(Service).ToList();
        await fleet.CreateServicesAsync(services);
        var clients = Enumerable.Range(1, Clients).Select(j => $"{key}-c{j.ToString(CultureInfo.InvariantCulture)}").ToList();
        await fleet.CreateClientsAsync(clients, services, PerClient, (client, contact) => receiver.WebhookUrl(key, client, contact));
        _setupSeconds = clock.Elapsed.TotalSeconds;
    }

    public async Task<DeliveryFigure> RunAsync(HttpClient monitor, DeliveryReceiver receiver, Action<string> progress)
    {
        var inbox = receiver.Open(key);
        var latencies = new List<double>(contacts * rounds);
        var completions = new List<double>(rounds);
        long missing = 0;
        for (var round = 1; round <= rounds; round++)
        {
            var body = EventStream.CoordinatorBody([new StreamEvent(Service(round), Down: true)]);
            var sent = Stopwatch.GetTimestamp();
            using (var content = new StringContent(body, Encoding.UTF8, "application/json"))
            using (var response = await monitor.PostAsync("/api/v1/events", content))
            {
                if (response.StatusCode != HttpStatusCode.Accepted)
                {
                    throw new InvalidOperationException($"{name}: POST /api/v1/events answered {(int)response.StatusCode}");
                }
            }

            List<Arrival> arrivals;
            try
            {
                arrivals = await inbox.CollectAsync(
                    a => a.Type == "incident.detected",
                    contacts,
                    ArrivalTimeout,
                    contacts >= 10_000 ? n => progress($"round {round}: {n}/{contacts} contacts notified") : null);
            }
            catch (TimeoutException)
            {
                // A stalled round is a result too: report what arrived and how many never did, and go on.
                arrivals = [.. inbox.All.Where(a => a.Type == "incident.detected" && a.At >= sent)];
                missing += contacts - arrivals.Count;
                progress($"round {round}: gave up after {ArrivalTimeout.TotalSeconds:0} s without a delivery; {contacts - arrivals.Count} of {contacts} contacts not notified");
            }

            var roundLatencies = arrivals.Select(a => Stats.TicksToMs(a.At - sent)).ToList();
            latencies.AddRange(roundLatencies);
            var last = roundLatencies.Count > 0 ? roundLatencies.Max() : double.NaN;
            completions.Add(last);
            if (rounds <= 10 || round % (rounds / 5) == 0)
            {
                progress($"round {round}/{rounds}: {contacts} contact(s) notified in {last:0.0} ms");
            }

            // Lets the delivery outcomes reach their outboxes before the next round starts.
            await Task.Delay(contacts >= 1000 ? 500 : 20);
        }

        await Task.Delay(1000);
        latencies.Sort();
        completions.Sort();
        return new DeliveryFigure(
            name, contacts, rounds,
            Stats.Percentile(latencies, 50), Stats.Percentile(latencies, 99), latencies.Count > 0 ? latencies[^1] : double.NaN,
            Stats.Percentile(completions, 50), completions[^1],
            inbox.Repeats, _setupSeconds, missing);
    }
}
