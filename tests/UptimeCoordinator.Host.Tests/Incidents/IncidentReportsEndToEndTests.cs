using System.Net;
using UptimeCoordinator.Host.Tests.Http;
using UptimeCoordinator.Host.Tests.Infrastructure;

namespace UptimeCoordinator.Host.Tests.Incidents;

/// <summary>
/// Incidents that people start: a client's report (suspected until monitoring or ops confirm it,
/// or ops dismiss it) and an incident ops declare, told through the real API to a real SMTP server
/// and a real webhook receiver.
/// </summary>
public sealed class IncidentReportsEndToEndTests(IncidentRigFixture fixture) : IClassFixture<IncidentRigFixture>
{
    private const string Detected = "incident.detected";
    private const string Acknowledged = "incident.acknowledged";
    private const string Update = "incident.update";
    private const string Resolved = "incident.resolved";
    private const string Reported = "incident.reported";

    private IncidentRig Rig => fixture.Rig;

    [Fact]
    public async Task AClientsReportIsAnsweredToTheReporterAloneUntilMonitoringConfirmsIt()
    {
        var service = await Rig.CreateServiceAsync("report");
        var elsewhere = await Rig.CreateServiceAsync("other");
        var reporter = await Rig.CreateClientAsync([service], id: "acme");
        var bystander = await Rig.CreateClientAsync([service]);
        var second = await Rig.CreateClientAsync([service]);

        using var created = await Rig.Api.Client.PostAsync("/api/v1/incidents", Json.Content(new
        {
            serviceIds = new[] { service }, message = "Checkout fails for all our users", contactId = reporter.HookContactId,
        }));
        Assert.True(created.StatusCode == HttpStatusCode.Created, $"report: {(int)created.StatusCode} {await created.Content.ReadAsStringAsync()}");
        var accepted = await created.ReadJsonAsync();
        var incidentId = accepted.Str("id");
        Assert.Equal(("suspected", false), (accepted.Str("stage"), accepted.GetProperty("joined").GetBoolean()));
        Assert.Equal($"/api/v1/incidents/{incidentId}", created.Headers.Location?.OriginalString);
        var incident = await Rig.Api.GetIncidentAsync(incidentId);
        Assert.Equal(("suspected", "reported"), (incident.Str("stage"), incident.Str("origin")));

        await Rig.ExpectHooksAsync(reporter.HookPath, Acknowledged);
        Assert.StartsWith("We received your report", IncidentRig.Data(Rig.HooksOf(reporter)[0]).Str("subject"), StringComparison.Ordinal);
        await Rig.ExpectResponderNoticesAsync(incidentId, Reported);
        var toResponders = IncidentRig.Data(Rig.ResponderHooks(incidentId)[0]).Str("text");
        Assert.Contains("Checkout fails for all our users", toResponders, StringComparison.Ordinal);
        Assert.Contains($"/api/v1/incidents/{incidentId}/confirm", toResponders, StringComparison.Ordinal);
        await IncidentRig.SettleAsync();
        Assert.Empty(Rig.MailTo(reporter));
        Rig.ExpectNothingFor(bystander);
        Rig.ExpectNothingFor(second);
        Assert.Empty(await Rig.Notices.NoticesAsync(bystander.Id));

        using var joined = await Rig.Api.Ops.PostAsync("/api/v1/incidents", Json.Content(new
        {
            serviceIds = new[] { service }, message = "Our orders do not go through", clientId = second.Id,
        }));
        Assert.True(joined.StatusCode == HttpStatusCode.OK, $"second report: {(int)joined.StatusCode} {await joined.Content.ReadAsStringAsync()}");
        var joinedIncident = await joined.ReadJsonAsync();
        Assert.Equal(incidentId, joinedIncident.Str("id"));
        Assert.Equal(2, joinedIncident.GetProperty("reports").GetArrayLength());
        await Rig.ExpectNoticesAsync(second, Acknowledged);
        await Rig.ExpectResponderNoticesAsync(incidentId, Reported, Reported);

        await Rig.Api.RecordAsync(new EventBody(service, "down", TestTime.Now, "blackbox", "http", "HTTP 503"));
        await Eventually.HoldsAsync(async () => (await Rig.Api.GetIncidentAsync(incidentId)).Str("stage") == "detected", "monitoring confirms the report");
        await Rig.ExpectNoticesAsync(bystander, Detected);
        await Rig.ExpectHooksAsync(reporter.HookPath, Acknowledged, Update);
        await Rig.ExpectMailAsync(reporter, Detected);
        await Rig.ExpectNoticesAsync(second, Acknowledged, Update);
        Assert.Equal([incidentId], await Rig.Api.IncidentIdsOfAsync(service));
        Assert.Equal(incidentId, await Rig.Api.OpenIncidentIdAsync(service));

        using var unused = await Rig.Api.Client.PostAsync("/api/v1/incidents", Json.Content(new { serviceIds = new[] { elsewhere }, message = "It is down too" }));
        await Problem.AssertValidationAsync(unused, "serviceIds[0]");
        Assert.Empty(await Rig.Api.IncidentIdsOfAsync(elsewhere));
    }

    [Fact]
    public async Task ADismissedReportTellsTheReporterNoFaultWasFoundAndCanNoLongerBeAcknowledged()
    {
        var service = await Rig.CreateServiceAsync("dismiss");
        var reporter = await Rig.CreateClientAsync([service]);
        var bystander = await Rig.CreateClientAsync([service]);
        var incidentId = await ReportAsync(service, reporter);
        await Rig.ExpectNoticesAsync(reporter, Acknowledged);

        var dismissed = await Rig.CommandAsync(incidentId, "dismiss", new { by = "Bob", message = "Our checks show no errors from your region" });

        Assert.Equal("dismissed", dismissed.Str("stage"));
        await Rig.ExpectNoticesAsync(reporter, Acknowledged, Resolved);
        var (mail, hook) = Rig.TextsOf(reporter, Resolved);
        Assert.All(new[] { mail, hook }, text =>
        {
            Assert.Contains("found no fault on our side", text, StringComparison.Ordinal);
            Assert.Contains("Our checks show no errors from your region", text, StringComparison.Ordinal);
        });
        Assert.Equal("dismissed", (await Rig.Api.GetIncidentAsync(incidentId)).Str("stage"));
        using var acknowledge = await Rig.Api.Ops.PostAsync(
            $"{CoordinatorClient.IncidentPath(incidentId)}/acknowledge", Json.Content(new { by = "Bob" }));
        var problem = await Problem.AssertAsync(acknowledge, HttpStatusCode.Conflict);
        Assert.Contains("dismissed", problem.Str("detail"), StringComparison.Ordinal);
        await IncidentRig.SettleAsync();
        Rig.ExpectNothingFor(bystander);
    }

    [Fact]
    public async Task AReportOpsConfirmTellsEveryClientOfTheService()
    {
        var service = await Rig.CreateServiceAsync("confirm");
        var reporter = await Rig.CreateClientAsync([service]);
        var others = new[] { await Rig.CreateClientAsync([service]), await Rig.CreateClientAsync([service]) };
        var incidentId = await ReportAsync(service, reporter);
        await Rig.ExpectNoticesAsync(reporter, Acknowledged);

        var confirmed = await Rig.CommandAsync(incidentId, "confirm", new { by = "Bob", message = "We see the errors too" });

        Assert.Equal("detected", confirmed.Str("stage"));
        foreach (var other in others)
        {
            await Rig.ExpectNoticesAsync(other, Detected);
            Assert.All(new[] { Rig.TextsOf(other, Detected).Mail, Rig.TextsOf(other, Detected).Hook }, text =>
            {
                Assert.Contains("We have confirmed a problem reported by a client", text, StringComparison.Ordinal);
                Assert.Contains("We see the errors too", text, StringComparison.Ordinal);
            });
        }

        // The reporter heard "we are checking" already: for it the confirmation is an update, not a second first notice.
        await Rig.ExpectNoticesAsync(reporter, Acknowledged, Update);
        Assert.StartsWith("Confirmed:", Rig.SubjectsOf(reporter, Update).Mail, StringComparison.Ordinal);
        await Eventually.HoldsAsync(async () => (await Rig.Api.GetServiceAsync(service)).NullableStr("openIncidentId") == incidentId, "the service holds the confirmed incident");
    }

    [Fact]
    public async Task ADeclaredIncidentTellsTheClientsOfEachServiceAndMonitoringJoinsIt()
    {
        var (a, b) = (await Rig.CreateServiceAsync("decl-a"), await Rig.CreateServiceAsync("decl-b"));
        var (ofA, ofB) = (await Rig.CreateClientAsync([a]), await Rig.CreateClientAsync([b]));
        var bystander = await Rig.CreateClientAsync([await Rig.CreateServiceAsync("decl-c")]);

        using var created = await Rig.Api.Ops.PostAsync("/api/v1/incidents", Json.Content(new
        {
            title = "Storage cluster failure", serviceIds = new[] { a, b }, severity = "critical", by = "Carol", message = "The storage cluster lost quorum",
        }));

        Assert.True(created.StatusCode == HttpStatusCode.Created, $"declare: {(int)created.StatusCode} {await created.Content.ReadAsStringAsync()}");
        var incident = await created.ReadJsonAsync();
        var incidentId = incident.Str("id");
        Assert.Equal(("declared", "detected", "critical"), (incident.Str("origin"), incident.Str("stage"), incident.Str("severity")));
        Assert.Equal([a, b], incident.Strings("serviceIds"));
        foreach (var (client, own, other) in new[] { (ofA, a, b), (ofB, b, a) })
        {
            await Rig.ExpectNoticesAsync(client, Detected);
            var (mail, hook) = Rig.TextsOf(client, Detected);
            Assert.All(new[] { mail, hook }, text =>
            {
                Assert.Contains($"Service {own}: down", text, StringComparison.Ordinal);
                Assert.Contains("The storage cluster lost quorum", text, StringComparison.Ordinal);
                Assert.DoesNotContain($"Service {other}", text, StringComparison.Ordinal);
            });
        }

        using var again = await Rig.Api.Ops.PostAsync("/api/v1/incidents", Json.Content(new
        {
            title = "Storage again", serviceIds = new[] { a }, by = "Dan",
        }));
        var conflict = await Problem.AssertAsync(again, HttpStatusCode.Conflict);
        Assert.Contains(incidentId, conflict.Str("detail"), StringComparison.Ordinal);

        await Rig.Api.RecordAsync(new EventBody(a, "down", TestTime.Now, "blackbox", "http", "no route to host"));
        await Eventually.HoldsAsync(
            async () => IncidentRig.Timeline(await Rig.Api.GetIncidentAsync(incidentId)).Any(e => e.Str("kind") == "status_changed" && e.NullableStr("serviceId") == a),
            "monitoring's outage joins the declared incident");
        Assert.Equal([incidentId], await Rig.Api.IncidentIdsOfAsync(a));
        Assert.Equal(incidentId, await Rig.Api.OpenIncidentIdAsync(a));
        await Rig.ExpectNoticesAsync(ofA, Detected, Update);
        Assert.Equal([Detected], Rig.MailTo(ofB).Select(IncidentRig.Kind));
        Rig.ExpectNothingFor(bystander);
    }

    /// <summary>Ops report a problem on behalf of <paramref name="reporter"/>; returns the suspected incident's id.</summary>
    private async Task<string> ReportAsync(string service, RigClient reporter)
    {
        using var created = await Rig.Api.Ops.PostAsync("/api/v1/incidents", Json.Content(new
        {
            serviceIds = new[] { service }, message = "Logins fail for some of our staff", clientId = reporter.Id,
        }));
        Assert.True(created.StatusCode == HttpStatusCode.Created, $"report: {(int)created.StatusCode} {await created.Content.ReadAsStringAsync()}");
        var incident = await created.ReadJsonAsync();
        Assert.Equal("suspected", incident.Str("stage"));
        return incident.Str("id");
    }
}
