using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Xunit.Abstractions;

namespace UptimeCoordinator.Host.Tests.Redis;

/// <summary>
/// One of three real host processes of a Redis cluster is killed outright while a fan-out to a
/// thousand webhook contacts is being delivered and a monitor keeps posting events to every host.
/// Nothing answered 2xx may be lost, every planned notice arrives, under one id per contact and
/// step, and the survivors declare the dead silo dead within 10 s.
/// </summary>
[Collection(FaultInjectionCollection.Name)]
public sealed class SiloLossTests(ITestOutputHelper output)
{
    private const int Clients = 100;
    private const int ContactsPerClient = 10;
    private const int DeliveriesBeforeKill = 40;
    private static readonly TimeSpan EventsAfterKill = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan RecoveryDeadline = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan DeathDeclarationLimit = TimeSpan.FromSeconds(10);

    [SkippableFact]
    public async Task KillingOneOfThreeSilosMidFanOutLosesNoAcceptedEventNoticeOrIncident()
    {
        var redisServer = RedisServer.RequireExecutable();
        var clock = Stopwatch.StartNew();
        await using var redis = await RedisServer.StartAsync(redisServer, TimeSpan.FromSeconds(15));
        await using var receiver = await WebhookTallyReceiver.StartAsync(clock);
        var run = Guid.NewGuid().ToString("N")[..12];
        var apiKey = $"silolosstest{run}";
        var settings = new HostSettings(redis.ConnectionString, $"uc-silo-loss-{run}", $"uc-silo-loss-{run}", apiKey)
        {
            Environment = new Dictionary<string, string>
            {
                ["RateLimiting__MonitorPerSecond"] = "0",
                ["RateLimiting__OpsPerSecond"] = "0",
                ["RateLimiting__ClientPerSecond"] = "0",
                ["Notifications__Webhooks__AllowPrivateNetworks"] = "true",
                // The membership service logs, at Information, when a silo is suspected and declared dead.
                ["Logging__LogLevel__Orleans.Runtime.MembershipService"] = "Information",
            },
        };
        var fleet = new SiloLossFleet(run, receiver, Clients, ContactsPerClient);
        string[][] lanes = [.. Enumerable.Range(0, 3).Select(lane => new[] { $"flap-{lane}a-{run}", $"flap-{lane}b-{run}" })];

        var hosts = new HostGroup(redis);
        SiloLossEventLoop? events = null;
        try
        {
            var (all, ready) = await hosts.StartManyAsync(settings, "A", "B", "C");
            output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: hosts A, B, C ready after {string.Join(", ", ready.Select(r => $"{r.TotalSeconds:0.0} s"))}");
            await fleet.DefineAsync(all, lanes.SelectMany(l => l));
            output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: {Clients} clients with {ContactsPerClient} webhook contacts each subscribe to {fleet.ServiceId}");

            // The silo that runs the shared service's fan-out is the one whose loss matters most; with three
            // silos it also holds about a third of the client grains and their outboxes.
            var (victim, why) = await ChooseVictimAsync(all);
            var survivors = all.Where(h => h != victim).ToArray();
            output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: victim is host {victim.Name} (silo port {victim.SiloPort}): {why}");

            events = new SiloLossEventLoop(all, apiKey, lanes, clock, run);
            events.Start();
            await Task.Delay(TimeSpan.FromSeconds(2));

            var accepted = await survivors[0].SendJsonAsync(HttpMethod.Post, "api/v1/events",
                new { serviceId = fleet.ServiceId, status = "down", check = "http", source = "silo-loss-test", eventId = $"shared-down-{run}" },
                HttpStatusCode.Accepted);
            Assert.Equal(1, accepted.GetProperty("accepted").GetInt32());
            var downAt = clock.Elapsed;

            while (receiver.Requests < DeliveriesBeforeKill)
            {
                Assert.True(clock.Elapsed - downAt < TimeSpan.FromSeconds(60), $"only {receiver.Requests} deliveries within 60 s of the outage");
                await Task.Delay(5);
            }

            var deliveredBeforeKill = receiver.DistinctIds;
            foreach (var survivor in survivors)
            {
                survivor.Log.Note($"{SiloLossLogs.KillNote} {victim.Name} (silo port {victim.SiloPort})");
            }

            var killedAt = clock.Elapsed;
            await victim.KillAsync();
            output.WriteLine($"{killedAt.TotalSeconds:0.0} s: killed host {victim.Name}, {(killedAt - downAt).TotalSeconds:0.00} s after the outage, with {deliveredBeforeKill} of {fleet.PlannedNotices} notices delivered");

            await Task.Delay(EventsAfterKill);
            await events.StopAsync();
            await events.SettleAsync(survivors[0].Name, TimeSpan.FromSeconds(30));
            output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: monitor stopped after {events.Answers.Count} answers");

            var (lastArrival, arrivedInTime) = await WaitForDeliveriesAsync(fleet, receiver, survivors, clock, killedAt);
            var notices = await ReadSettledNoticesAsync(fleet, survivors, clock);

            // What the notice logs planned, and what the receiver got: every contact one outage notice, each arrived.
            var incidentNotices = notices.Where(n => n.Kind == "incident.detected").ToList();
            var subjects = notices.Select(n => n.SubjectId).Distinct().ToList();
            var perContact = incidentNotices.GroupBy(n => (n.ClientId, n.ContactId)).ToList();
            var doubled = perContact.Where(g => g.Select(n => n.Id).Distinct().Count() > 1).Select(g => $"{g.Key}: {string.Join(", ", g.Select(n => n.Id))}").ToList();
            var unplanned = fleet.ClientIds.SelectMany(c => Enumerable.Range(0, ContactsPerClient).Select(j => (ClientId: c, ContactId: $"k{j}"))).Except(perContact.Select(g => g.Key)).ToList();
            var expected = incidentNotices.Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
            var missing = expected.Where(id => !arrivedInTime.Contains(id)).Order(StringComparer.Ordinal).ToList();
            var counts = receiver.Counts();
            var strangers = counts.Keys.Where(id => !expected.Contains(id)).ToList();
            var repeats = counts.Values.Sum(c => c - 1);
            var repeatedIds = counts.Count(p => p.Value > 1);
            var notSent = notices.Where(n => n.State != "sent").ToList();

            // What the killed host could not answer promised nothing; every other answer is judged.
            var answers = events.Answers;
            var toDeadHost = answers.Where(a => a.Host == victim.Name && a.SentAt >= killedAt).ToList();
            var inFlightAtKill = answers.Where(a => a.Host == victim.Name && a.SentAt < killedAt && a.AnsweredAt >= killedAt && a.TransportError is not null).ToList();
            var judged = answers.Except(toDeadHost).Except(inFlightAtKill).ToList();
            var bad = judged.Where(a => !(a.IsSuccess || (a.StatusCode == 503 && a.RetryAfter is not null))).ToList();
            var stackTraces = answers.Where(a => a.Body is { } body && (body.Contains("   at ", StringComparison.Ordinal) || body.Contains("Exception", StringComparison.Ordinal))).ToList();
            var lastSurvivorFailure = judged.Where(a => !a.IsSuccess && a.SentAt >= killedAt - TimeSpan.FromSeconds(1)).MaxBy(a => a.AnsweredAt);
            var recoveredAfter = lastSurvivorFailure is null ? TimeSpan.Zero : lastSurvivorFailure.AnsweredAt - killedAt;

            var declarations = survivors.Select(s => (s.Name, Declared: SiloLossLogs.DeathDeclared(s.Log, victim.SiloPort))).ToList();
            foreach (var (name, declared) in declarations)
            {
                output.WriteLine(declared is { } d ? $"host {name} learnt the silo is dead after {d.After.TotalSeconds:0.00} s: {d.Line}" : $"host {name} never logged the death");
            }

            var firstDeclaration = declarations.Select(d => d.Declared?.After).Min();
            var status = answers.GroupBy(a => a.StatusCode?.ToString(CultureInfo.InvariantCulture) ?? "none").OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}={g.Count()}");
            var maxLatency = judged.Where(a => a.TransportError is null).Max(a => a.Latency);
            var delivered = expected.Count - missing.Count;
            var summary = FormattableString.Invariant(
                $"silo-loss: 3 silos, 1 killed {(killedAt - downAt).TotalSeconds:0.0} s into a fan-out to {fleet.PlannedNotices} webhook contacts ({deliveredBeforeKill} delivered by then); ") +
                FormattableString.Invariant($"dead silo declared dead after {Seconds(firstDeclaration)}; survivors answered every request again {recoveredAfter.TotalSeconds:0.0} s after the kill; ") +
                FormattableString.Invariant($"last notice arrived {(lastArrival - killedAt).TotalSeconds:0.0} s after the kill; notices {fleet.PlannedNotices} due, {expected.Count} planned, {delivered} delivered, {repeats} repeats over {repeatedIds} ids, {fleet.PlannedNotices - delivered} missing; ") +
                FormattableString.Invariant($"events {answers.Count} sent, {answers.Count(a => a.IsSuccess)} 2xx, {answers.Count(a => a.StatusCode == 503)} 503, {answers.Count(a => !a.IsSuccess && a.StatusCode != 503 && a.TransportError is null)} other, {toDeadHost.Count + inFlightAtKill.Count} to the dead host unanswered; ") +
                FormattableString.Invariant($"slowest survivor answer {maxLatency.TotalSeconds:0.00} s; answers by status: {string.Join(" ", status)}");
            output.WriteLine(summary);

            // (b) Every planned notice arrived; each contact heard of the outage under one id only.
            var sharedIncident = Assert.Single(subjects);
            Assert.True(doubled.Count == 0, $"contacts with two different outage notices:\n{string.Join("\n", doubled)}");
            Assert.True(unplanned.Count == 0,
                $"{unplanned.Count} contacts have no outage notice planned, of clients {string.Join(", ", unplanned.Select(u => u.ClientId).Distinct())}; " +
                $"their logs hold: {string.Join("; ", unplanned.Select(u => u.ClientId).Distinct().Select(c => $"{c}: [{string.Join(", ", notices.Where(n => n.ClientId == c).Select(n => $"{n.Id}={n.State}"))}]"))}");
            Assert.True(missing.Count == 0, $"{missing.Count} planned notices had not arrived {RecoveryDeadline.TotalSeconds:0} s after the kill: {string.Join(", ", missing.Take(50))}\nTheir states: {string.Join(", ", notices.Where(n => missing.Contains(n.Id)).Take(50).Select(n => $"{n.Id}={n.State}/{n.Attempts}"))}");
            Assert.True(strangers.Count == 0, $"webhooks arrived under ids that no client planned: {string.Join(", ", strangers.Take(20))}");
            Assert.True(receiver.Anomalies.Count == 0, $"webhooks that were unsigned, wrongly signed or misdirected:\n{string.Join("\n", receiver.Anomalies.Take(20))}");
            Assert.True(notSent.Count == 0, $"{notSent.Count} notices arrived but are not recorded as sent: {string.Join(", ", notSent.Take(20).Select(n => $"{n.Id}={n.State}/{n.Attempts}"))}");

            // (c) and (a): one incident per downed service, and every accepted event reflected in state.
            var incidents = await SiloLossFleet.ReadIncidentsAsync(survivors[0]);
            var shared = Assert.Single(incidents, i => ServiceIds(i).Contains(fleet.ServiceId));
            Assert.Equal(sharedIncident, shared.GetProperty("id").GetString());
            var sharedView = await survivors[1].SendJsonAsync(HttpMethod.Get, $"api/v1/services/{fleet.ServiceId}", null, HttpStatusCode.OK);
            Assert.Equal("major_outage", sharedView.GetProperty("status").GetString());
            Assert.Equal(sharedIncident, sharedView.GetProperty("openIncidentId").GetString());
            foreach (var serviceId in events.ServiceIds)
            {
                await AssertReflectedAsync(events, incidents, survivors[1], serviceId);
            }

            // (d) The survivors always answered, with a 2xx or a 503 that says when to retry, and never showed internals.
            Assert.True(toDeadHost.All(a => !a.IsSuccess), "the killed host answered 2xx after it was killed");
            Assert.True(stackTraces.Count == 0, $"answers with internals in the body:\n{string.Join("\n", stackTraces.Take(5).Select(Describe))}");
            Assert.True(bad.Count == 0, $"answers from live hosts that were neither 2xx nor 503 with Retry-After:\n{string.Join("\n", bad.Take(10).Select(Describe))}");
            Assert.True(firstDeclaration is { } first && first <= DeathDeclarationLimit,
                $"the dead silo was declared dead after {Seconds(firstDeclaration)}, not within {DeathDeclarationLimit.TotalSeconds:0} s; what the survivors said of it:\n" +
                string.Join("\n", survivors.SelectMany(s => SiloLossLogs.AboutSilo(s.Log, victim.SiloPort).Take(20).Select(l => $"{s.Name}: {l}"))));
        }
        catch (Exception ex) when (ex is not Xunit.SkipException)
        {
            if (events is not null)
            {
                output.WriteLine(string.Join("\n", events.Answers.Where(a => !a.IsSuccess).Take(50).Select(Describe)));
            }

            throw await hosts.FailureWithLogsAsync(ex);
        }
        finally
        {
            if (events is not null)
            {
                await events.DisposeAsync();
            }

            await hosts.DisposeAsync();
        }

        output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s in all");
    }

    /// <summary>
    /// Waits, watching only the receiver, until as many distinct notices arrived as contacts were told,
    /// noting progress every 5 s; returns when the last of them arrived (or the deadline passed) and
    /// the ids that had arrived by then. Reading the notice logs now would activate the moved client
    /// grains and so hand their outboxes over early: the product must recover through its own
    /// reminders.
    /// </summary>
    private async Task<(TimeSpan LastArrival, HashSet<string> Arrived)> WaitForDeliveriesAsync(
        SiloLossFleet fleet, WebhookTallyReceiver receiver, HostProcess[] survivors, Stopwatch clock, TimeSpan killedAt)
    {
        var nextNote = TimeSpan.Zero;
        while (true)
        {
            var done = receiver.DistinctIds >= fleet.PlannedNotices;
            var late = clock.Elapsed - killedAt > RecoveryDeadline;
            if (done || late || clock.Elapsed >= nextNote)
            {
                var progress = $"{clock.Elapsed.TotalSeconds:0.0} s: {receiver.DistinctIds} of {fleet.PlannedNotices} notices arrived, in {receiver.Requests} deliveries";
                output.WriteLine(progress);
                survivors[0].Log.Note(progress);
                nextNote = clock.Elapsed + TimeSpan.FromSeconds(5);
            }

            if (done || late)
            {
                var arrived = receiver.Counts().Keys.ToHashSet(StringComparer.Ordinal);
                var lastArrival = arrived.Count == 0 ? TimeSpan.Zero : arrived.Max(id => receiver.Arrivals(id)!.Value.FirstAt);
                return (lastArrival, arrived);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
    }

    /// <summary>
    /// Reads every client's notice log until each lists its contacts' notices and records them all
    /// sent, for at most 30 s (an outcome report may still be on its way); returns the last read.
    /// </summary>
    private async Task<List<SiloLossNotice>> ReadSettledNoticesAsync(SiloLossFleet fleet, HostProcess[] survivors, Stopwatch clock)
    {
        var waiting = Stopwatch.StartNew();
        while (true)
        {
            var (notices, unread) = await fleet.ReadNoticesAsync(survivors);
            var sent = notices.Count(n => n.State == "sent");
            var settled = unread.Count == 0 && notices.Count >= fleet.PlannedNotices && sent == notices.Count;
            if (settled || waiting.Elapsed > TimeSpan.FromSeconds(30))
            {
                output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: the notice logs list {notices.Count} notices, {sent} recorded sent; {unread.Count} logs unreadable");
                Assert.True(unread.Count == 0, $"the notice logs of {unread.Count} clients could not be read: {string.Join(", ", unread)}");
                return notices;
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }

    /// <summary>The service's status is that of its last accepted event, and its one incident agrees.</summary>
    private static async Task AssertReflectedAsync(SiloLossEventLoop events, List<JsonElement> incidents, HostProcess host, string serviceId)
    {
        var last = events.LastAccepted(serviceId);
        Assert.True(last is not null, $"{serviceId}: no event was accepted");
        var view = await host.SendJsonAsync(HttpMethod.Get, $"api/v1/services/{serviceId}", null, HttpStatusCode.OK);
        var own = incidents.Where(i => ServiceIds(i).Contains(serviceId)).ToList();
        var incident = Assert.Single(own);
        var stage = incident.GetProperty("stage").GetString();
        if (last == "down")
        {
            Assert.Equal("major_outage", view.GetProperty("status").GetString());
            Assert.Equal(incident.GetProperty("id").GetString(), view.GetProperty("openIncidentId").GetString());
            Assert.NotEqual("resolved", stage);
        }
        else
        {
            Assert.Equal("operational", view.GetProperty("status").GetString());
            Assert.Equal(JsonValueKind.Null, view.GetProperty("openIncidentId").ValueKind);
            Assert.Equal("resolved", stage);
        }
    }

    /// <summary>
    /// The host whose silo holds the shared service's subscription index, the only index activated
    /// so far, as the Orleans dashboard counts activations; host C when the dashboard does not say.
    /// </summary>
    private static async Task<(HostProcess Victim, string Why)> ChooseVictimAsync(HostProcess[] hosts)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            using var response = await hosts[0].Client.GetAsync(new Uri("dashboard/DashboardCounters", UriKind.Relative));
            if (response.IsSuccessStatusCode)
            {
                using var counters = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                var silos = ActivationsOf(counters.RootElement, "SubscriptionIndex").ToList();
                var holders = hosts.Where(h => silos.Any(s => s.Contains($":{h.SiloPort}", StringComparison.Ordinal))).ToList();
                if (holders.Count == 1)
                {
                    return (holders[0], "it holds the shared service's subscription index, which runs the fan-out");
                }
            }

            await Task.Delay(500);
        }

        return (hosts[^1], "the dashboard did not tell which silo holds the fan-out's index; a third of the client grains live there");
    }

    /// <summary>The silo addresses that hold activations of a grain type whose name contains <paramref name="grainType"/>.</summary>
    private static IEnumerable<string> ActivationsOf(JsonElement element, string grainType)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            if (element.TryGetProperty("grainType", out var type) && type.GetString() is { } name && name.Contains(grainType, StringComparison.OrdinalIgnoreCase)
                && element.TryGetProperty("siloAddress", out var silo) && element.TryGetProperty("activationCount", out var count) && count.GetInt32() > 0)
            {
                yield return silo.GetString() ?? "";
            }

            foreach (var property in element.EnumerateObject())
            {
                foreach (var found in ActivationsOf(property.Value, grainType))
                {
                    yield return found;
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var found in element.EnumerateArray().SelectMany(e => ActivationsOf(e, grainType)))
            {
                yield return found;
            }
        }
    }

    private static string Seconds(TimeSpan? span) => span is { } s ? FormattableString.Invariant($"{s.TotalSeconds:0.0} s") : "never";

    private static string Describe(SiloLossAnswer a) => FormattableString.Invariant(
        $"+{a.SentAt.TotalSeconds:0.00}s {a.Host} {a.EventId}: {(a.StatusCode?.ToString(CultureInfo.InvariantCulture) ?? a.TransportError)} in {a.Latency.TotalSeconds:0.00} s, Retry-After {a.RetryAfter ?? "none"}: {a.Body}");

    private static string?[] ServiceIds(JsonElement incident) =>
        [.. incident.GetProperty("serviceIds").EnumerateArray().Select(s => s.GetString())];
}
