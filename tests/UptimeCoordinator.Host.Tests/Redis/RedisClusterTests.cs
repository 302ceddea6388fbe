using System.Diagnostics;
using System.Net;
using System.Text.Json;
using UptimeCoordinator.Delivery.Tests.Support;
using UptimeCoordinator.Host.Tests.Infrastructure;
using Xunit.Abstractions;

namespace UptimeCoordinator.Host.Tests.Redis;

/// <summary>
/// The host as deployed with Redis: separate OS processes that form one Orleans cluster through Redis
/// clustering, keep grain state in Redis grain storage, and hand it to a fresh pair of processes after
/// both are killed.
/// </summary>
public sealed class RedisClusterTests(ITestOutputHelper output)
{
    [SkippableFact]
    public async Task TwoHostsShareStateThroughRedisAndAFreshPairCarriesOnAfterBothAreKilled()
    {
        var redisServer = RedisServer.RequireExecutable();
        var clock = Stopwatch.StartNew();
        await using var redis = await RedisServer.StartAsync(redisServer, TimeSpan.FromSeconds(15));
        var run = Guid.NewGuid().ToString("N")[..12];
        var apiKey = $"redistest{run}";
        var serviceId = $"uc-redis-{run}";

        // Each pair is a new deployment: its own ClusterId, the same ServiceId. Grain state and
        // reminders are keyed by ServiceId ({ServiceId}/state/...), so they carry over; the
        // membership table is per ClusterId, so the fresh pair starts a clean cluster (ready in
        // about 3 s here). Reusing the ClusterId also works, but slowly: the killed silos stay
        // Active in the table, nobody alive can vote them dead, and a joining silo keeps trying to
        // ping every Active silo until its IAmAlive is stale (over 90 s with the default
        // ClusterMembershipOptions, as the silo logs). Measured here: the fresh pair took 105-110 s
        // to become ready, and Kestrel did not even listen until then, since the silo starts first.
        await using var smtp = new SmtpTestServer();
        var firstPair = new HostSettings(redis.ConnectionString, $"uc-test-{run}-a", serviceId, apiKey)
        {
            Environment = new Dictionary<string, string>
            {
                ["Notifications__Smtp__Host"] = "127.0.0.1",
                ["Notifications__Smtp__Port"] = $"{smtp.Port}",
                ["Notifications__Smtp__UseTls"] = "false",
                ["Notifications__Smtp__From"] = "status@uptime.example",
            },
        };
        var secondPair = firstPair with { ClusterId = $"uc-test-{run}-b" };

        var hosts = new HostGroup(redis);
        try
        {
            // One cluster of two processes.
            var (a, b) = await StartPairAsync(hosts, firstPair, "A", "B");
            foreach (var host in new[] { a, b })
            {
                Assert.True(host.Log.Contains("UptimeCoordinator runs as Redis cluster"),
                    $"Host {host.Name} does not say it runs as a Redis cluster.");
            }

            var id = $"checkout-{run}";
            const string Name = "Checkout (Redis cluster test)";
            var created = await a.SendJsonAsync(HttpMethod.Put, $"api/v1/services/{id}", new { name = Name }, HttpStatusCode.Created);
            Assert.Equal(Name, created.GetProperty("name").GetString());

            var clientId = $"acme-{run}";
            await b.SendJsonAsync(HttpMethod.Put, $"api/v1/clients/{clientId}", new
            {
                name = "Acme",
                timeZone = "Europe/Berlin",
                subscriptions = new[] { new { serviceId = id, impact = 1.0 } },
                contacts = new[] { new { id = "alice", name = "Alice", email = "alice@acme.example" } },
            }, HttpStatusCode.Created);

            var seenByB = await b.SendJsonAsync(HttpMethod.Get, $"api/v1/services/{id}", null, HttpStatusCode.OK);
            Assert.Equal(Name, seenByB.GetProperty("name").GetString());
            Assert.Equal("operational", seenByB.GetProperty("status").GetString());

            var accepted = await b.SendJsonAsync(HttpMethod.Post, "api/v1/events",
                new { serviceId = id, status = "down", check = "http", source = "redis-test", eventId = $"down-{run}" },
                HttpStatusCode.Accepted);
            Assert.Equal(1, accepted.GetProperty("accepted").GetInt32());

            // A activated the service grain for the PUT. Were A and B two clusters over one store, A's
            // activation would still hold "operational"; one cluster means one activation.
            var open = await a.SendJsonAsync(HttpMethod.Get, "api/v1/incidents?state=open", null, HttpStatusCode.OK);
            var incident = Assert.Single(open.GetProperty("items").EnumerateArray(), i => ServiceIds(i).Contains(id));
            var incidentId = incident.GetProperty("id").GetString()!;
            var down = await a.SendJsonAsync(HttpMethod.Get, $"api/v1/services/{id}", null, HttpStatusCode.OK);
            Assert.Equal("major_outage", down.GetProperty("status").GetString());
            Assert.Equal(incidentId, down.GetProperty("openIncidentId").GetString());
            await Eventually.HoldsAsync(() => smtp.Messages.Count == 1, "the outage email");
            Assert.Equal("incident.detected", smtp.Messages[0].Headers["X-Uptime-Notice-Kind"]);
            await Eventually.HoldsAsync(async () => NoticeStates(await a.SendJsonAsync(HttpMethod.Get, $"api/v1/clients/{clientId}/notices", null, HttpStatusCode.OK)) is ["sent"],
                "the outage notice recorded as sent");
            output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: first pair shares state; incident {incidentId} open and told");

            // Both die at once, as in a crash: nothing is shut down cleanly, only Redis keeps the state.
            await Task.WhenAll(a.KillAsync(), b.KillAsync());

            var (c, d) = await StartPairAsync(hosts, secondPair, "C", "D");
            var afterRestart = await c.SendJsonAsync(HttpMethod.Get, $"api/v1/services/{id}", null, HttpStatusCode.OK);
            Assert.Equal(Name, afterRestart.GetProperty("name").GetString());
            Assert.Equal("major_outage", afterRestart.GetProperty("status").GetString());
            Assert.Equal(incidentId, afterRestart.GetProperty("openIncidentId").GetString());

            var survived = await d.SendJsonAsync(HttpMethod.Get, $"api/v1/incidents/{Uri.EscapeDataString(incidentId)}", null, HttpStatusCode.OK);
            Assert.Equal(incidentId, survived.GetProperty("id").GetString());
            Assert.Contains(id, ServiceIds(survived));
            Assert.NotEqual("resolved", survived.GetProperty("stage").GetString());
            var stillOpen = await d.SendJsonAsync(HttpMethod.Get, "api/v1/incidents?state=open", null, HttpStatusCode.OK);
            Assert.Contains(incidentId, stillOpen.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()));

            // Recovery through the fresh pair resolves the incident opened by the first.
            await c.SendJsonAsync(HttpMethod.Post, "api/v1/events",
                new { serviceId = id, status = "up", check = "http", source = "redis-test", eventId = $"up-{run}" },
                HttpStatusCode.Accepted);
            var resolved = await d.SendJsonAsync(HttpMethod.Get, $"api/v1/incidents/{Uri.EscapeDataString(incidentId)}", null, HttpStatusCode.OK);
            Assert.Equal("resolved", resolved.GetProperty("stage").GetString());
            Assert.NotEqual(JsonValueKind.Null, resolved.GetProperty("resolvedAt").ValueKind);
            var operational = await d.SendJsonAsync(HttpMethod.Get, $"api/v1/services/{id}", null, HttpStatusCode.OK);
            Assert.Equal("operational", operational.GetProperty("status").GetString());
            Assert.Equal(JsonValueKind.Null, operational.GetProperty("openIncidentId").ValueKind);
            // The client's outbox survived in Redis: the fresh pair tells of the resolution and never repeats the outage.
            await Eventually.HoldsAsync(() => smtp.Messages.Count >= 2, "the resolution email");
            Assert.Equal(["incident.detected", "incident.resolved"], smtp.Messages.Select(m => m.Headers["X-Uptime-Notice-Kind"]));
            await Eventually.HoldsAsync(async () => NoticeStates(await d.SendJsonAsync(HttpMethod.Get, $"api/v1/clients/{clientId}/notices", null, HttpStatusCode.OK)) is ["sent", "sent"],
                "both notices recorded as sent");
            var noneOpen = await c.SendJsonAsync(HttpMethod.Get, "api/v1/incidents?state=open", null, HttpStatusCode.OK);
            Assert.DoesNotContain(incidentId, noneOpen.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()));
            output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: fresh pair found the state and resolved the incident");
        }
        catch (Exception ex) when (ex is not Xunit.SkipException)
        {
            throw await hosts.FailureWithLogsAsync(ex);
        }
        finally
        {
            await hosts.DisposeAsync();
            foreach (var host in hosts.Hosts)
            {
                output.WriteLine(host.Log.ToString());
            }
        }

        output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s in all");
    }

    private async Task<(HostProcess, HostProcess)> StartPairAsync(HostGroup hosts, HostSettings settings, string first, string second)
    {
        var (one, two, ready) = await hosts.StartPairAsync(settings, first, second);
        output.WriteLine($"hosts {first} and {second} (cluster {settings.ClusterId}) ready after {ready[0].TotalSeconds:0.0} s and {ready[1].TotalSeconds:0.0} s");
        return (one, two);
    }

    private static string?[] NoticeStates(JsonElement page) =>
        [.. page.GetProperty("items").EnumerateArray().Select(n => n.GetProperty("state").GetString())];

    private static string?[] ServiceIds(JsonElement incident) =>
        [.. incident.GetProperty("serviceIds").EnumerateArray().Select(s => s.GetString())];
}
