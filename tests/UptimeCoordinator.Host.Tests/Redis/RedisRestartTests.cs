using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using UptimeCoordinator.Host.Tests.Http;
using Xunit.Abstractions;

namespace UptimeCoordinator.Host.Tests.Redis;

/// <summary>
/// With <c>appendonly yes</c> and <c>appendfsync always</c>, Redis killed in the middle of a stream
/// of writes and started again loses nothing the hosts answered 2xx: while it is down they answer
/// 503 with <c>Retry-After</c>, soon, and afterwards every write they confirmed is in Redis, once.
/// </summary>
[Collection(FaultInjectionCollection.Name)]
public sealed class RedisRestartTests(ITestOutputHelper output)
{
    private const int WritersPerHost = 3;
    private static readonly TimeSpan WritingBeforeKill = TimeSpan.FromSeconds(3);
    // StackExchange.Redis holds the commands of a lost connection in its backlog for up to its 5 s
    // timeout: an outage shorter than that only delays the answers. Longer, it turns into 503s.
    private static readonly TimeSpan RedisDownFor = TimeSpan.FromSeconds(7);
    private static readonly TimeSpan WritingAfterReady = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan RedisTimeout = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan ReadyAgainTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan LiveHostsHealWithin = TimeSpan.FromSeconds(90);

    // The hosts' HttpClient gives up after 30 s; an answer while Redis is down must come well before.
    private static readonly TimeSpan AnswerWhileDownWithin = TimeSpan.FromSeconds(10);

    private readonly Stopwatch _clock = Stopwatch.StartNew();

    [SkippableFact]
    public async Task EveryWriteAnswered2xxSurvivesRedisKilledMidStreamAndNoneIsDuplicated()
    {
        var executable = RedisServer.RequireExecutable();
        await using var redis = await RedisServer.StartAsync(executable, RedisTimeout, RedisServer.FsyncAlways);
        var run = Guid.NewGuid().ToString("N")[..12];
        var settings = new HostSettings(redis.ConnectionString, $"uc-test-{run}-a", $"uc-redis-{run}", $"redistest{run}")
        {
            Environment = new Dictionary<string, string> { ["RateLimiting__OpsPerSecond"] = "0" },
        };
        var writer = new RedisRestartWriter(run);
        var hosts = new HostGroup(redis);
        try
        {
            var (a, b, ready) = await hosts.StartPairAsync(settings, "A", "B");
            Note($"hosts A and B ready after {ready[0].TotalSeconds:0.0} s and {ready[1].TotalSeconds:0.0} s; Redis with appendonly yes, appendfsync always");

            using var stop = new CancellationTokenSource();
            var writers = Enumerable.Range(0, WritersPerHost)
                .SelectMany(_ => new[] { a, b })
                .Select(host => Task.Run(() => writer.RunAsync(host, stop.Token)))
                .ToArray();
            await Task.Delay(WritingBeforeKill);

            writer.Phase = RedisRestartPhase.RedisDown;
            await redis.KillAsync();
            var killed = Stopwatch.StartNew();
            Note($"redis-server killed (SIGKILL) after {writer.Writes.Count(w => w.Succeeded)} writes answered 2xx");
            await Task.Delay(RedisDownFor);

            writer.Phase = RedisRestartPhase.RedisRestarting;
            var answering = await redis.RestartAsync(RedisTimeout);
            Note($"redis-server answering again, AOF loaded, {answering.TotalSeconds:0.00} s after its start; down for {killed.Elapsed.TotalSeconds:0.0} s");
            var sinceRestart = Stopwatch.StartNew();
            await Task.WhenAll(a.WaitUntilReadyAsync(ReadyAgainTimeout), b.WaitUntilReadyAsync(ReadyAgainTimeout));
            var readyAgain = sinceRestart.Elapsed;
            writer.Phase = RedisRestartPhase.HostsReadyAgain;
            Note($"both hosts ready again {readyAgain.TotalSeconds:0.00} s after Redis answered");

            await Task.Delay(WritingAfterReady);
            await stop.CancelAsync();
            await Task.WhenAll(writers);

            // A client told 503 tries again, as Retry-After says; the same event id must not open a second incident.
            writer.Phase = RedisRestartPhase.Retrying;
            var unfinished = writer.Items.Where(item => writer.StepsDone(item) < 3).ToArray();
            foreach (var item in unfinished)
            {
                await writer.WriteItemAsync(item % 2 == 0 ? a : b, item, writer.StepsDone(item));
            }

            var writes = writer.Writes;
            Report(writes, readyAgain, unfinished.Length);
            Assert.All(writes.Where(w => w.Phase == RedisRestartPhase.Retrying), w => Assert.True(w.Succeeded, $"Retry of {w.Kind} {w.Item} after recovery: {w.Status} {w.Error}"));
            var items = writer.Items.ToArray();

            // A service persists its change before the 202 and hands it to its incident and the incident
            // listing after it; a hand-over that failed while Redis was down is retried by a reminder, a
            // minute apart. So the live hosts may lack an incident for up to that long, but never hold one twice.
            var healed = await AwaitEveryItemStoredOnceAsync([a, b], writer, items, LiveHostsHealWithin);
            Note($"all {items.Length} items present and single on A and B, {healed.TotalSeconds:0.0} s after the writes stopped");
            await Task.WhenAll(a.KillAsync(), b.KillAsync());
            var (c, readyFresh) = await hosts.StartAsync(settings with { ClusterId = $"uc-test-{run}-b" }, "C");
            Note($"A and B killed; fresh host C ready after {readyFresh.TotalSeconds:0.0} s");

            // The live hosts may have answered from activations that outlived the outage; the fresh host reads Redis alone.
            await AwaitEveryItemStoredOnceAsync([c], writer, items, TimeSpan.FromSeconds(20));
            Note($"all {items.Length} items present and single in Redis, read by the fresh host C");

            var whileDown = writes.Where(w => w.Phase == RedisRestartPhase.RedisDown).ToArray();
            Assert.Contains(whileDown, w => w.Status == 503);
            Assert.All(writes.Where(w => !w.Succeeded), w =>
                Assert.True(w is { Status: 503, HasRetryAfter: true, MediaType: Problem.MediaType },
                    $"{w.Kind} {w.Item} on {w.Host} while {w.Phase}: {w.Status} (Retry-After: {w.HasRetryAfter}, {w.MediaType}) after {w.Latency.TotalSeconds:0.00} s: {w.Error}"));
            var slowest = whileDown.Max(w => w.Latency);
            Assert.True(slowest < AnswerWhileDownWithin, $"A write sent while Redis was down took {slowest.TotalSeconds:0.00} s to be answered.");
        }
        catch (Exception ex) when (ex is not Xunit.SkipException)
        {
            throw await hosts.FailureWithLogsAsync(ex);
        }
        finally
        {
            await hosts.DisposeAsync();
        }

        Note("done");
    }

    /// <summary>Waits until <see cref="AssertEveryItemStoredOnceAsync"/> holds; returns how long that took.</summary>
    private static async Task<TimeSpan> AwaitEveryItemStoredOnceAsync(HostProcess[] hosts, RedisRestartWriter writer, int[] items, TimeSpan within)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await AssertEveryItemStoredOnceAsync(hosts, writer, items);
                return clock.Elapsed;
            }
            catch (Xunit.Sdk.XunitException) when (clock.Elapsed < within)
            {
                await Task.Delay(TimeSpan.FromSeconds(1));
            }
        }
    }

    /// <summary>
    /// Every item is complete: the service exists and is down with its open incident, the one
    /// incident of that service, and the client exists and subscribes to it.
    /// </summary>
    private static async Task AssertEveryItemStoredOnceAsync(HostProcess[] hosts, RedisRestartWriter writer, int[] items)
    {
        var problems = new ConcurrentQueue<string>();
        var openIncidents = new ConcurrentDictionary<int, string>();
        await Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (item, _) =>
        {
            var host = hosts[item % hosts.Length];
            var service = await GetAsync(host, $"api/v1/services/{writer.ServiceId(item)}");
            if (service is not { } s)
            {
                problems.Enqueue($"service {writer.ServiceId(item)}: missing on {host.Name}");
            }
            else if (s.GetProperty("status").GetString() != "major_outage" || s.GetProperty("openIncidentId").GetString() is not { } incidentId)
            {
                problems.Enqueue($"service {writer.ServiceId(item)} on {host.Name}: {s.GetProperty("status")}, open incident {s.GetProperty("openIncidentId")}");
            }
            else if (await GetAsync(host, $"api/v1/incidents/{Uri.EscapeDataString(incidentId)}") is not { } incident
                     || !incident.GetProperty("serviceIds").EnumerateArray().Any(x => x.GetString() == writer.ServiceId(item)))
            {
                problems.Enqueue($"service {writer.ServiceId(item)} on {host.Name}: its open incident {incidentId} is missing or not on it");
            }
            else
            {
                openIncidents[item] = incidentId;
            }

            var client = await GetAsync(host, $"api/v1/clients/{writer.ClientId(item)}");
            if (client is not { } c)
            {
                problems.Enqueue($"client {writer.ClientId(item)}: missing on {host.Name}");
            }
            else if (!c.GetProperty("subscriptions").EnumerateArray().Any(x => x.GetProperty("serviceId").GetString() == writer.ServiceId(item)))
            {
                problems.Enqueue($"client {writer.ClientId(item)} on {host.Name} does not subscribe to {writer.ServiceId(item)}: {c.GetProperty("subscriptions")}");
            }
        });

        var incidentsByService = (await AllIncidentsAsync(hosts[0]))
            .SelectMany(i => i.GetProperty("serviceIds").EnumerateArray().Select(s => (Service: s.GetString()!, Id: i.GetProperty("id").GetString()!)))
            .ToLookup(x => x.Service, x => x.Id);
        foreach (var item in items)
        {
            var ids = incidentsByService[writer.ServiceId(item)].ToArray();
            var open = openIncidents.GetValueOrDefault(item);
            if (ids.Length != 1 || (open is not null && open != ids[0]))
            {
                problems.Enqueue($"service {writer.ServiceId(item)} has incidents [{string.Join(", ", ids)}], open {open}");
            }
        }

        Assert.True(problems.IsEmpty, $"{problems.Count} of {items.Length} items are not stored once, as written and confirmed:\n{string.Join("\n", problems.Take(30))}");
    }

    private static async Task<JsonElement?> GetAsync(HostProcess host, string path)
    {
        using var response = await host.Client.GetAsync(new Uri(path, UriKind.Relative));
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET /{path} on host {host.Name}: {(int)response.StatusCode} {text}");
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    private static async Task<List<JsonElement>> AllIncidentsAsync(HostProcess host)
    {
        var incidents = new List<JsonElement>();
        string? cursor = null;
        do
        {
            var page = (await GetAsync(host, $"api/v1/incidents?state=all&limit=200{(cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}")}"))!.Value;
            incidents.AddRange(page.GetProperty("items").EnumerateArray());
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);

        return incidents;
    }

    private void Report(IReadOnlyList<RedisRestartWrite> writes, TimeSpan readyAgain, int unfinished)
    {
        foreach (var phase in writes.GroupBy(w => w.Phase).OrderBy(g => g.Key))
        {
            var statuses = string.Join(", ", phase.GroupBy(w => w.Status).OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Count()}"));
            var retryAfter = phase.Count(w => w.HasRetryAfter);
            Note($"sent while {phase.Key}: {phase.Count()} writes, {statuses}; {retryAfter} with Retry-After; "
                + $"latency max {phase.Max(w => w.Latency).TotalMilliseconds:0} ms, median {Median(phase.Select(w => w.Latency)):0} ms");
        }

        foreach (var example in writes.Where(w => !w.Succeeded).GroupBy(w => (w.Status, w.Kind)).Select(g => g.First()))
        {
            Note($"for example {example.Kind} {example.Item} while {example.Phase}: {example.Status} {example.MediaType} after {example.Latency.TotalMilliseconds:0} ms: {example.Error}");
        }

        Note($"{writes.Count(w => w.Succeeded && w.Phase == RedisRestartPhase.RedisUp)} writes answered 2xx before the kill; "
            + $"hosts ready {readyAgain.TotalSeconds:0.00} s after Redis answered again; {unfinished} items retried");
    }

    private static double Median(IEnumerable<TimeSpan> latencies)
    {
        var sorted = latencies.Select(l => l.TotalMilliseconds).Order().ToArray();
        return sorted.Length == 0 ? 0 : sorted[sorted.Length / 2];
    }

    private void Note(string line) => output.WriteLine($"{DateTimeOffset.UtcNow:HH:mm:ss.fff} (+{_clock.Elapsed.TotalSeconds:0.0} s) {line}");
}
