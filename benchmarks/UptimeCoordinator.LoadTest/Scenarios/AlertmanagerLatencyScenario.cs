using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using UptimeCoordinator.LoadTest.Driving;
using UptimeCoordinator.LoadTest.Receiving;
using UptimeCoordinator.LoadTest.Reporting;

namespace UptimeCoordinator.LoadTest.Scenarios;

/// <summary>
/// The peer's event-to-webhook latency, measured as ours is: each round fires an alert for a new
/// service (a new group, which <c>group_wait: 0s</c> sends at once) and waits for its webhook.
/// </summary>
internal sealed class AlertmanagerLatencyScenario(int rounds)
{
    public const string Key = "alertmanager";

    public async Task<DeliveryFigure> RunAsync(HttpClient alertmanager, DeliveryReceiver receiver, DateTimeOffset startsAt, Action<string> progress)
    {
        var inbox = receiver.Open(Key);
        var latencies = new List<double>(rounds);
        for (var round = 1; round <= rounds; round++)
        {
            var service = $"amlat-s{round.ToString(CultureInfo.InvariantCulture)}";
            var body = EventStream.AlertmanagerBody([new StreamEvent(service, Down: true)], startsAt);
            var sent = Stopwatch.GetTimestamp();
            using (var content = new StringContent(body, Encoding.UTF8, "application/json"))
            using (var response = await alertmanager.PostAsync("/api/v2/alerts", content))
            {
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    throw new InvalidOperationException($"Alertmanager answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                }
            }

            var arrival = await inbox.NextAsync(a => a.Service == service, TimeSpan.FromSeconds(30));
            latencies.Add(Stats.TicksToMs(arrival.At - sent));
            if (round % Math.Max(1, rounds / 5) == 0)
            {
                progress($"round {round}/{rounds}: {latencies[^1]:0.0} ms");
            }

            await Task.Delay(20);
        }

        latencies.Sort();
        return new DeliveryFigure(
            "Alertmanager, 1 receiver", 1, rounds,
            Stats.Percentile(latencies, 50), Stats.Percentile(latencies, 99), latencies[^1],
            Stats.Percentile(latencies, 50), latencies[^1],
            inbox.Repeats, 0);
    }
}
