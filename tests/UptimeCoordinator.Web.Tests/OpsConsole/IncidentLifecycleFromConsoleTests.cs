using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using UptimeCoordinator.Web.Tests.Infrastructure;

namespace UptimeCoordinator.Web.Tests.OpsConsole;

[Collection(WebCollection.Name)]
public sealed class IncidentLifecycleFromConsoleTests(WebFixture web)
{
    [SkippableFact]
    public async Task OpsAcknowledgeWithEtaThenResolveFromTheConsoleAndTheClientsPageFollowsWithoutReload()
    {
        var serviceId = await web.Api.CreateServiceAsync(name: "Checkout lifecycle");
        var clientId = web.NewClientId();
        await web.Api.PutClientAsync(clientId, [serviceId], name: "Lifecycle Ltd", timeZone: "Asia/Tokyo", costPerHour: 600);
        var incidentId = await web.Api.OpenIncidentAsync(serviceId, message: "checkout answers 503");

        var status = await WebFixture.OpenAsync(await web.NewContextAsync(), $"/status/{clientId}?key={Uri.EscapeDataString(WebKeys.ClientKey(clientId))}");
        var statusCard = status.Locator($"#incident-list article[data-incident-id='{incidentId}']");
        await Assertions.Expect(statusCard).ToBeVisibleAsync();
        await status.EvaluateAsync("() => { window.notReloaded = true; }");

        var ops = await OpsConsolePage.OpenAsync(await web.NewContextAsync());
        var card = ops.Incident(incidentId);
        await Assertions.Expect(card).ToHaveAttributeAsync("data-stage", "detected");

        var acknowledge = await ops.OpenActionAsync(incidentId, "Acknowledge", "acknowledge");
        await acknowledge.GetByLabel("ETA in minutes").FillAsync("45");
        await acknowledge.GetByLabel("Message").FillAsync("Failing over the checkout database");
        var before = DateTimeOffset.UtcNow;
        await acknowledge.GetByRole(AriaRole.Button, new() { Name = "Send acknowledgement" }).ClickAsync();

        await Assertions.Expect(card).ToHaveAttributeAsync("data-stage", "acknowledged");
        await Assertions.Expect(card.Locator(".facts")).ToContainTextAsync(OpsConsolePage.Operator);
        var acknowledged = await web.Api.GetIncidentAsync(incidentId);
        Assert.Equal(OpsConsolePage.Operator, acknowledged.Str("acknowledgedBy"));
        var eta = acknowledged.GetProperty("eta").GetDateTimeOffset();
        Assert.InRange(eta, before.AddMinutes(44), DateTimeOffset.UtcNow.AddMinutes(45));
        Assert.Equal(0, eta.Second);

        // The status page formats times itself; whichever zone it shows, the acknowledged ETA must be on it.
        var etaIso = acknowledged.Str("eta");
        var inClientZone = await status.EvaluateAsync<string>("([iso, zone]) => UC.localTime(iso, zone)", new[] { etaIso, "Asia/Tokyo" });
        var inBrowserZone = await status.EvaluateAsync<string>("iso => UC.localTime(iso)", etaIso);
        await Assertions.Expect(statusCard.Locator(".stage")).ToHaveTextAsync("Acknowledged");
        await Assertions.Expect(statusCard.Locator(".eta")).ToContainTextAsync(new Regex($"{Regex.Escape(inClientZone)}|{Regex.Escape(inBrowserZone)}"));

        var resolve = await ops.OpenActionAsync(incidentId, "Resolve", "resolve");
        await resolve.GetByLabel("Summary").FillAsync("The primary ran out of disk; we failed over and grew the volume.");
        await resolve.GetByLabel("Actions taken").FillAsync("Failed over to the replica\nGrew the data volume");
        await resolve.GetByLabel("Time spent in minutes").FillAsync("35");
        await resolve.GetByLabel("Follow-ups").FillAsync("Alert on disk at 80%");
        await resolve.GetByRole(AriaRole.Button, new() { Name = "Resolve incident" }).ClickAsync();

        await Assertions.Expect(card).ToHaveCountAsync(0);
        await Assertions.Expect(statusCard).ToHaveCountAsync(0);
        Assert.True(await status.EvaluateAsync<bool>("() => window.notReloaded === true"), "the status page reloaded instead of following the stream");

        var resolved = await web.Api.GetIncidentAsync(incidentId);
        Assert.Equal("resolved", resolved.Str("stage"));
        var resolution = resolved.GetProperty("resolution");
        Assert.Equal("The primary ran out of disk; we failed over and grew the volume.", resolution.Str("summary"));
        Assert.Equal(["Failed over to the replica", "Grew the data volume"], Strings(resolution.GetProperty("actionsTaken")));
        Assert.Equal(35, resolution.GetProperty("timeSpentMinutes").GetInt32());
        Assert.Equal(["Alert on disk at 80%"], Strings(resolution.GetProperty("followUps")));
        Assert.Equal(OpsConsolePage.Operator, resolution.Str("by"));
        Assert.DoesNotContain(await web.Api.OpenIncidentsAsync(), i => i.Str("id") == incidentId);

        // The status page's own problems are its tests' business; this test vouches for the console.
        PageProblems.AssertNone(ops.Page);
    }

    private static string[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];
}
