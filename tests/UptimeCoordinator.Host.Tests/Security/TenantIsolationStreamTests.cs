using System.Net;
using UptimeCoordinator.Host.Tests.Http;
using UptimeCoordinator.Host.Tests.Stream;
using W = UptimeCoordinator.Host.Tests.Security.TenantIsolationWorld;

namespace UptimeCoordinator.Host.Tests.Security;

/// <summary>
/// <c>GET /api/v1/stream</c> with acme's key while globex's service goes down, gets an update and a
/// planned window: acme hears none of it, yet hears its own service go down in the same window.
/// </summary>
[Collection(TenantIsolationCollection.Name)]
public sealed class TenantIsolationStreamTests(W world)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task AcmesStreamCarriesNothingOfGlobexsButItsOwnOutage()
    {
        await using var acme = await SseReader.OpenAsync(world.Api.Client);
        await using var ops = await SseReader.OpenAsync(world.Api.Ops);

        // Globex's trouble first, seen through by ops to globex's notices about it.
        await world.Api.RecordAsync(EventBody.Down(W.GlobexStreamService, TestTime.MinutesAgo(2)));
        var opened = await ops.NextEventAsync("incident.changed", m => m.Json().Strings("serviceIds").Contains(W.GlobexStreamService), Wait);
        var incidentId = opened.Json().Str("incidentId");
        using (var update = await world.Api.Ops.PostAsync($"/api/v1/incidents/{incidentId}/updates", Json.Content(new { by = "ops:alice", message = "Globex ledger replica rebuilt", stage = "identified" })))
        {
            Assert.True(update.StatusCode == HttpStatusCode.OK, await update.Content.ReadAsStringAsync());
        }

        await ops.NextEventAsync("incident.changed", m => m.Json().Str("incidentId") == incidentId && m.Json().Str("stage") == "identified", Wait);
        var windowId = await world.ScheduleAsync(W.GlobexStreamService, days: 6, "Globex stream failover drill");
        await ops.NextEventAsync("maintenance.changed", m => m.Data!.Contains(windowId, StringComparison.Ordinal), Wait);
        await ops.NextEventAsync("notice.changed", m => m.Json().Str("clientId") == "globex" && m.Json().Str("subjectId") == windowId, Wait);

        // Then acme's own: the positive control, without which an acme stream that carried nothing would pass.
        await world.Api.RecordAsync(EventBody.Down(W.AcmeStreamService, TestTime.MinutesAgo(1)));
        var status = await acme.NextEventAsync("service.status", m => m.Json().Str("serviceId") == W.AcmeStreamService, Wait);
        var own = await acme.NextEventAsync("incident.changed", m => m.Json().Strings("serviceIds").Contains(W.AcmeStreamService), Wait);
        Assert.Equal("major_outage", status.Json().Str("to"));

        // The feed hands every change to every connection in order: two heartbeats after acme's own
        // events, anything of globex's that acme could see would already have been written.
        await acme.NextCommentAsync("heartbeat", Wait);
        await acme.NextCommentAsync("heartbeat", Wait);
        var events = acme.Seen.Where(m => m.IsEvent).ToList();
        foreach (var marker in world.GlobexMarkers.Concat([incidentId, windowId]))
        {
            Assert.DoesNotContain(events, m => m.Data!.Contains(marker, StringComparison.OrdinalIgnoreCase));
        }

        Assert.All(events.Where(m => m.Event == "notice.changed"), m => Assert.Equal("acme", m.Json().Str("clientId")));
        Assert.True(own.EventId > status.EventId, acme.Transcript());
    }
}
