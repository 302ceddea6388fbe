using UptimeCoordinator.Host.Tests.Http;
using UptimeCoordinator.Host.Tests.Infrastructure;

namespace UptimeCoordinator.Host.Tests.Incidents;

/// <summary>
/// An open incident nobody updates: the responders are nudged and the clients get a holding update,
/// so nobody waits longer than <c>Incidents:UpdateReminderInterval</c> for news. Its own host, with
/// an interval of 3 s, so that no other test's incident is nudged.
/// </summary>
public sealed class IncidentNudgeEndToEndTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task AQuietIncidentNudgesTheRespondersAndSendsTheClientsAHoldingUpdate()
    {
        await using var rig = await IncidentRig.StartAsync(new() { ["Incidents:UpdateReminderInterval"] = "PT3S" });
        var service = await rig.CreateServiceAsync("quiet");
        var client = await rig.CreateClientAsync([service]);

        await rig.Api.RecordAsync(new EventBody(service, "down", TestTime.Now, "blackbox", "http", "connection refused"));

        await rig.ExpectNoticesAsync(client, "incident.detected");
        var incidentId = await rig.Api.OpenIncidentIdAsync(service);
        await Eventually.HoldsAsync(() => rig.ResponderHooks(incidentId).Count >= 1, "the responders nudged");
        var nudge = IncidentRig.Data(rig.ResponderHooks(incidentId)[0]);
        Assert.Equal("incident.nudge", IncidentRig.Type(rig.ResponderHooks(incidentId)[0]));
        Assert.Contains($"/api/v1/incidents/{incidentId}/acknowledge", nudge.Str("text"), StringComparison.Ordinal);
        await Eventually.HoldsAsync(
            () => rig.MailTo(client).Count >= 2 && rig.HooksOf(client).Count >= 2, "the client's holding update on both channels");
        Assert.Equal(["incident.detected", "incident.update"], rig.MailTo(client).Take(2).Select(IncidentRig.Kind));
        Assert.Equal(["incident.detected", "incident.update"], rig.HooksOf(client).Take(2).Select(IncidentRig.Type));
        Assert.Contains("We are still working on the problem", IncidentRig.Data(rig.HooksOf(client)[1]).Str("text"), StringComparison.Ordinal);
        Assert.All(rig.ResponderHooks(incidentId), h => Assert.Equal("incident.nudge", IncidentRig.Type(h)));

        var incident = await rig.Api.GetIncidentAsync(incidentId);
        var timeline = IncidentRig.Timeline(incident);
        var nudged = timeline.Last(e => e.Str("kind") == "responders_nudged");
        var holding = timeline.Last(e => e.Str("kind") == "still_working");
        Assert.Equal("system", nudged.Str("source"));
        Assert.Equal(holding.Time("at") + Interval, incident.Time("nextUpdateDue"));
        Assert.True(incident.Time("nextUpdateDue") > nudged.Time("at"), $"the next update is promised after the nudge: {incident.GetProperty("nextUpdateDue")}");
    }
}
