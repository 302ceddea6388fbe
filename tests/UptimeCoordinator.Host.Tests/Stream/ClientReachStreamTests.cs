using System.Net;
using UptimeCoordinator.Host.Tests.Http;

namespace UptimeCoordinator.Host.Tests.Stream;

/// <summary>
/// What a client key sees on <c>GET /api/v1/stream</c>: the changes of the services it uses and of
/// everything they depend on, however deep, and its own notices; never another client's notices,
/// nor a change on a service it does not reach.
/// </summary>
public sealed class ClientReachStreamTests(ClientReachAppFixture fixture) : IClassFixture<ClientReachAppFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    private CoordinatorClient Api => fixture.Api;

    [Fact]
    public async Task AClientSeesItsServicesAndTheirDependenciesButNotOthersOrOtherClientsNotices()
    {
        // acme uses web, which depends on api, which depends on db; elsewhere is nothing of acme's.
        var (db, api, web, elsewhere) = (TestIds.Unique("db"), TestIds.Unique("api"), TestIds.Unique("web"), TestIds.Unique("else"));
        await Api.CreateServiceAsync(db);
        await Api.CreateServiceAsync(api, new { name = "API", dependsOn = new[] { db } });
        await Api.CreateServiceAsync(web, new { name = "Web", dependsOn = new[] { api } });
        await Api.CreateServiceAsync(elsewhere);
        var other = TestIds.Unique("other");
        await DefineClientAsync("acme", web);
        await DefineClientAsync(other, db, elsewhere);
        await using var acme = await SseReader.OpenAsync(Api.Client);
        await using var ops = await SseReader.OpenAsync(Api.Ops);

        // First what acme must not see, seen through to its last notice by ops; then what it must.
        await Api.RecordAsync(EventBody.Down(elsewhere, TestTime.MinutesAgo(2)));
        var elsewhereIncident = (await ops.NextEventAsync("incident.changed", ForServiceIds(elsewhere), Wait)).Json().Str("incidentId");
        await ops.NextEventAsync("notice.changed", m => IsSettledNotice(m, other, elsewhereIncident), Wait);
        await Api.RecordAsync(EventBody.Down(db, TestTime.MinutesAgo(1)));

        var status = await acme.NextEventAsync("service.status", m => m.Json().Str("serviceId") == db, Wait);
        var opened = await acme.NextEventAsync("incident.changed", ForServiceIds(db), Wait);
        var incidentId = opened.Json().Str("incidentId");
        Assert.Equal("major_outage", status.Json().Str("to"));
        await acme.NextEventAsync("notice.changed", m => IsSettledNotice(m, "acme", incidentId), Wait);
        await ops.NextEventAsync("notice.changed", m => IsSettledNotice(m, other, incidentId), Wait);

        // The feed hands every change to every connection in order; two heartbeats after the other
        // client's last notice, anything acme should not see would already have been written.
        await acme.NextCommentAsync("heartbeat", Wait);
        await acme.NextCommentAsync("heartbeat", Wait);
        var events = acme.Seen.Where(m => m.IsEvent).ToList();
        Assert.DoesNotContain(events, m => m.Data!.Contains(elsewhere, StringComparison.Ordinal));
        Assert.DoesNotContain(events, m => m.Data!.Contains(elsewhereIncident, StringComparison.Ordinal));
        Assert.All(events.Where(m => m.Event == "notice.changed"), m => Assert.Equal("acme", m.Json().Str("clientId")));
        Assert.Contains(events, m => m.Event == "notice.changed");
    }

    [Fact]
    public async Task AClientWithoutSubscriptionsSeesNoServiceChanges()
    {
        var service = TestIds.Unique();
        await Api.CreateServiceAsync(service);
        await DefineClientAsync("lonely");
        using var key = KeyOf("lonely");
        await using var client = await SseReader.OpenAsync(key);
        await using var ops = await SseReader.OpenAsync(Api.Ops);

        await Api.RecordAsync(EventBody.Down(service, TestTime.MinutesAgo(1)));
        await ops.NextEventAsync("incident.changed", ForServiceIds(service), Wait);

        await client.NextCommentAsync("heartbeat", Wait);
        await client.NextCommentAsync("heartbeat", Wait);
        Assert.DoesNotContain(client.Seen, m => m.IsEvent);
    }

    [Fact]
    public async Task AResumedStreamReplaysOnlyWhatTheClientReaches()
    {
        var (mine, theirs) = (TestIds.Unique("mine"), TestIds.Unique("theirs"));
        await Api.CreateServiceAsync(mine);
        await Api.CreateServiceAsync(theirs);
        await DefineClientAsync("resumer", mine);
        using var key = KeyOf("resumer");
        long before;
        await using (var ops = await SseReader.OpenAsync(Api.Ops))
        {
            await Api.RecordAsync(EventBody.Down(theirs, TestTime.MinutesAgo(2)));
            before = (await ops.NextEventAsync("service.status", m => m.Json().Str("serviceId") == theirs, Wait)).EventId - 1;
            await ops.NextEventAsync("incident.changed", ForServiceIds(theirs), Wait);
            await Api.RecordAsync(EventBody.Down(mine, TestTime.MinutesAgo(1)));
            await ops.NextEventAsync("incident.changed", ForServiceIds(mine), Wait);
        }

        await using var resumed = await SseReader.OpenAsync(key, lastEventId: before.ToString(System.Globalization.CultureInfo.InvariantCulture));

        await resumed.NextEventAsync("incident.changed", ForServiceIds(mine), Wait);
        Assert.DoesNotContain(resumed.Seen, m => m.IsEvent && m.Data!.Contains(theirs, StringComparison.Ordinal));
    }

    private static Func<SseMessage, bool> ForServiceIds(string id) => m => m.Json().Strings("serviceIds").Contains(id);

    /// <summary>A client's notice about the incident after delivery answered (no SMTP here: given back with a reason).</summary>
    private static bool IsSettledNotice(SseMessage message, string clientId, string incidentId) =>
        message.Json() is var notice && notice.Str("clientId") == clientId && notice.Str("subjectId") == incidentId && !notice.IsNull("lastError");

    private async Task DefineClientAsync(string id, params string[] serviceIds)
    {
        using var put = await Api.Ops.PutAsync($"/api/v1/clients/{id}", Json.Content(new
        {
            name = id,
            timeZone = "UTC",
            subscriptions = serviceIds.Select(s => new { serviceId = s }).ToArray(),
            contacts = new[] { new { id = "ops", name = "Ops", email = $"ops@{id}.example" } },
        }));
        Assert.True(put.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"PUT client {id}: {(int)put.StatusCode} {await put.Content.ReadAsStringAsync()}");
    }

    private HttpClient KeyOf(string clientId) => fixture.App.ClientWith(ClientReachAppFixture.KeyOf(clientId));
}

/// <summary>
/// A stream app of these tests' own, with heartbeats every second and a key for each client they
/// stream as, so no other test's subscriptions change what its clients reach.
/// </summary>
public sealed class ClientReachAppFixture : IAsyncLifetime
{
    public static readonly string[] KeyedClients = ["lonely", "resumer"];

    public CoordinatorApp App { get; } = new(settings: new Dictionary<string, string>(
        KeyedClients.Select(c => KeyValuePair.Create($"Auth:ApiKeys:{KeyOf(c)}", $"client:{c}")))
    {
        ["Stream:HeartbeatInterval"] = "PT1S",
    });

    public CoordinatorClient Api { get; private set; } = null!;

    public static string KeyOf(string clientId) => $"reach-tests-{clientId}-key";

    public async Task InitializeAsync()
    {
        Api = new CoordinatorClient(App);
        await Api.WaitUntilReadyAsync();
    }

    public async Task DisposeAsync()
    {
        Api.Dispose();
        await App.DisposeAsync();
    }
}
