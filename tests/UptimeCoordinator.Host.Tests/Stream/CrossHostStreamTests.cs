using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using UptimeCoordinator.Host.Tests.Http;
using UptimeCoordinator.Host.Tests.Redis;
using Xunit.Abstractions;

namespace UptimeCoordinator.Host.Tests.Stream;

/// <summary>
/// The live stream of a cluster: two host processes clustered through Redis, each serving its own SSE
/// connections, and a change made through either shows on both.
/// </summary>
public sealed class CrossHostStreamTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [SkippableFact]
    public async Task ChangesThroughEitherHostReachBothStreamsAndAFreshPairResubscribesThroughRedis()
    {
        var redisServer = RedisServer.RequireExecutable();
        var clock = Stopwatch.StartNew();
        await using var redis = await RedisServer.StartAsync(redisServer, TimeSpan.FromSeconds(15));
        var run = Guid.NewGuid().ToString("N")[..12];
        var firstPair = new HostSettings(redis.ConnectionString, $"uc-sse-{run}-a", $"uc-sse-{run}", $"ssetest{run}");
        var hosts = new HostGroup(redis);
        try
        {
            var (a, b, _) = await hosts.StartPairAsync(firstPair, "A", "B");
            output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: hosts A and B ready");
            using var streamClientA = StreamClient(a, firstPair.OpsApiKey);
            using var streamClientB = StreamClient(b, firstPair.OpsApiKey);
            await using var streamA = await SseReader.OpenAsync(streamClientA);
            await using var streamB = await SseReader.OpenAsync(streamClientB);

            var id = $"sse-{run}";
            await a.SendJsonAsync(HttpMethod.Put, $"api/v1/services/{id}", new { name = "Live stream test" }, HttpStatusCode.Created);
            await a.SendJsonAsync(HttpMethod.Post, "api/v1/events", Event(id, "down", run), HttpStatusCode.Accepted);
            foreach (var (stream, name) in new[] { (streamB, "B"), (streamA, "A") })
            {
                var (status, incident) = await NextChangeAsync(stream, id);
                Assert.Equal("major_outage", status.Json().Str("to"));
                Assert.Equal("opened", incident.Json().Str("kind"));
                output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: host {name}'s stream: {status} / {incident}");
            }

            // And the other way round: recovery reported to B shows on A.
            await b.SendJsonAsync(HttpMethod.Post, "api/v1/events", Event(id, "up", run), HttpStatusCode.Accepted);
            var (recovered, resolved) = await NextChangeAsync(streamA, id);
            Assert.Equal("operational", recovered.Json().Str("to"));
            Assert.Equal("resolved", resolved.Json().Str("kind"));
            output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: recovery through B reached A");

            // Both die. A fresh pair (a new deployment: new ClusterId, same ServiceId) finds the stream's
            // pub-sub state in Redis, dead subscribers included, and subscribes on top of it.
            await Task.WhenAll(a.KillAsync(), b.KillAsync());
            var (c, d, _) = await hosts.StartPairAsync(firstPair with { ClusterId = $"uc-sse-{run}-b" }, "C", "D");
            output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: hosts C and D ready");
            using var streamClientD = StreamClient(d, firstPair.OpsApiKey);
            await using var streamD = await SseReader.OpenAsync(streamClientD);
            await c.SendJsonAsync(HttpMethod.Post, "api/v1/events", Event(id, "down", $"{run}-again"), HttpStatusCode.Accepted);
            var (down, reopened) = await NextChangeAsync(streamD, id);
            Assert.Equal("major_outage", down.Json().Str("to"));
            Assert.Equal("reopened", reopened.Json().Str("kind"));
            output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: the fresh pair streams: {down} / {reopened}");
        }
        catch (Exception ex) when (ex is not Xunit.SkipException)
        {
            throw await hosts.FailureWithLogsAsync(ex);
        }
        finally
        {
            await hosts.DisposeAsync();
        }
    }

    private static object Event(string serviceId, string status, string run) =>
        new { serviceId, status, check = "http", eventId = $"{status}-{run}" };

    // A status change and the incident change it causes, in that order.
    private static async Task<(SseMessage Status, SseMessage Incident)> NextChangeAsync(SseReader stream, string serviceId)
    {
        var status = await stream.NextEventAsync("service.status", m => m.Json().Str("serviceId") == serviceId, Wait);
        var incident = await stream.NextEventAsync("incident.changed", m => m.Json().Strings("serviceIds").Contains(serviceId), Wait);
        return (status, incident);
    }

    // A stream stays open for as long as the test reads it; each read has its own timeout instead.
    private static HttpClient StreamClient(HostProcess host, string apiKey)
    {
        var client = new HttpClient { BaseAddress = host.Client.BaseAddress, Timeout = Timeout.InfiniteTimeSpan };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        return client;
    }
}
