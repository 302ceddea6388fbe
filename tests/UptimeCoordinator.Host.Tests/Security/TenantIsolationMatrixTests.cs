using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using UptimeCoordinator.Host.Tests.Http;

namespace UptimeCoordinator.Host.Tests.Security;

/// <summary>
/// OWASP API1 (broken object-level authorisation) over every endpoint: a <c>client:acme</c> key gets
/// "not found" for globex's resources and sees none of globex's data in what it may list; the monitor
/// key reads no client data and changes no configuration. The expectations are in <see cref="TenantIsolationMatrix"/>.
/// </summary>
[Collection(TenantIsolationCollection.Name)]
public sealed class TenantIsolationMatrixTests(TenantIsolationWorld world)
{
    public static TheoryData<string, Caller> Cases()
    {
        var cases = new TheoryData<string, Caller>();
        foreach (var row in TenantIsolationMatrix.Rows)
        {
            foreach (var caller in Enum.GetValues<Caller>())
            {
                cases.Add(row.Name, caller);
            }
        }

        return cases;
    }

    public static TheoryData<string> AcmesOwn() =>
    [
        "/api/v1/clients/acme",
        "/api/v1/clients/acme/status",
        "/api/v1/clients/acme/notices",
        "/api/v1/clients/acme/services",
        "/api/v1/clients/acme/uptime",
        "/api/v1/clients/acme/cost",
        "/api/v1/clients/acme/sla",
        "/api/v1/clients/acme/sla?format=csv",
        "/api/v1/maintenance?state=all&limit=200",
        "/api/v1/maintenance?serviceId=" + TenantIsolationWorld.SharedService,
        "maintenance:acme",
        "maintenance:shared",
        "calendar:acme",
        "calendar:shared",
    ];

    [Fact]
    public void EveryMappedEndpointIsInTheMatrix()
    {
        var mapped = world.App.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(m => $"{m} {e.RoutePattern.RawText}"))
            .ToHashSet(StringComparer.Ordinal);
        var listed = TenantIsolationMatrix.Rows.Select(r => r.Name).ToList();

        Assert.True(listed.Count == listed.Distinct(StringComparer.Ordinal).Count(), "a row is listed twice");
        var missing = mapped.Except(listed, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var stale = listed.Except(mapped, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, $"mapped but not in the matrix (add a row saying what each caller must get):\n{string.Join('\n', missing)}");
        Assert.True(stale.Count == 0, $"in the matrix but no longer mapped:\n{string.Join('\n', stale)}");
    }

    [Fact]
    public void EveryEndpointWithoutAnApiKeyPolicySaysWhyAndNoOtherDoes()
    {
        // AllowAnonymous, or no authorisation at all: the endpoint decides for itself who may call it.
        var open = world.App.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null || e.Metadata.GetOrderedMetadata<IAuthorizeData>().Count == 0)
            .Select(e => e.RoutePattern.RawText)
            .ToHashSet(StringComparer.Ordinal);

        Assert.All(TenantIsolationMatrix.Rows, r => Assert.True(
            open.Contains(r.Route) == r.AnonymousBecause is not null,
            open.Contains(r.Route) ? $"{r.Name} is open without a key: its row must say why" : $"{r.Name} needs a key, yet its row gives a reason to be anonymous"));
        Assert.All(TenantIsolationMatrix.Rows.Where(r => r.AnonymousBecause is null), r => Assert.Equal(Expect.Unauthorized, r.Anonymous));
    }

    [Fact]
    public void TheMonitorKeyIsRefusedEverywhereButIngestAndTheAnonymousEndpoints()
    {
        var refused = TenantIsolationMatrix.Rows.Where(r => r.AnonymousBecause is null && !IsIngest(r)).ToList();

        Assert.NotEmpty(refused);
        Assert.All(refused, r => Assert.Equal(Expect.Forbidden, r.Monitor));
        Assert.All(TenantIsolationMatrix.Rows.Where(IsIngest), r => Assert.Equal(Expect.Accepted, r.Monitor));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task EachCallerGetsWhatTheMatrixSays(string endpoint, Caller caller)
    {
        var row = TenantIsolationMatrix.Row(endpoint);
        var expected = row.For(caller);
        using var request = row.Request(world, caller);
        var sent = $"{Uri.UnescapeDataString(request.RequestUri!.ToString())} {(request.Content is null ? "" : await request.Content.ReadAsStringAsync())}";

        using var response = await ClientOf(caller).SendAsync(request, HttpCompletionOption.ResponseHeadersRead);

        if (expected.Answer == Answer.Stream)
        {
            Assert.Equal(expected.Status, response.StatusCode);
            Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
            return;
        }

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected.Status == response.StatusCode, $"{caller} {endpoint}: expected {(int)expected.Status} but got {(int)response.StatusCode}: {body}");
        switch (expected.Answer)
        {
            case Answer.Problem:
                await Problem.AssertAsync(response, expected.Status);
                break;
            case Answer.Json:
                Assert.Contains("json", response.Content.Headers.ContentType?.MediaType ?? "", StringComparison.Ordinal);
                JsonDocument.Parse(body).Dispose();
                break;
        }

        // What the caller named itself may come back ("client 'globex' not found"); nothing else of globex's may.
        AssertNoGlobexData(body, except: sent, $"{caller} {endpoint}");
    }

    [Theory]
    [MemberData(nameof(AcmesOwn))]
    public async Task AcmeReadsItsOwnDataWithNothingOfGlobexsInIt(string path)
    {
        path = path switch
        {
            "maintenance:acme" => $"/api/v1/maintenance/{world.AcmeMaintenanceId}",
            "maintenance:shared" => $"/api/v1/maintenance/{world.SharedMaintenanceId}",
            "calendar:acme" => $"/api/v1/maintenance/{world.AcmeMaintenanceId}/calendar.ics",
            "calendar:shared" => $"/api/v1/maintenance/{world.SharedMaintenanceId}/calendar.ics",
            _ => path,
        };

        using var response = await world.Api.Client.GetAsync(path);

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {body}");
        AssertNoGlobexData(body, except: "", $"acme GET {path}");
    }

    [Fact]
    public async Task AcmesMaintenanceListShowsItsOwnAndSharedWindowsButNotGlobexs()
    {
        var listed = await ItemIdsAsync(world.Api.Client, "/api/v1/maintenance?state=all&limit=200");
        var opsListed = await ItemIdsAsync(world.Api.Ops, "/api/v1/maintenance?state=all&limit=200");

        Assert.Contains(world.AcmeMaintenanceId, listed);
        Assert.Contains(world.SharedMaintenanceId, listed);
        Assert.DoesNotContain(world.GlobexMaintenanceId, listed);
        Assert.Contains(world.GlobexMaintenanceId, opsListed);
    }

    [Fact]
    public async Task GlobexsOwnKeyReadsWhatAcmesIsRefused()
    {
        // The control for the 404s: they come from whose key it is, not from ids that do not resolve.
        foreach (var path in new[]
        {
            "/api/v1/clients/globex", "/api/v1/clients/globex/status", "/api/v1/clients/globex/notices", "/api/v1/clients/globex/cost",
            $"/api/v1/maintenance/{world.GlobexMaintenanceId}", $"/api/v1/maintenance/{world.GlobexMaintenanceId}/calendar.ics",
        })
        {
            using var globex = await world.Globex.GetAsync(path);
            using var acme = await world.Api.Client.GetAsync(path);

            Assert.True(globex.StatusCode == HttpStatusCode.OK, $"globex GET {path}: {(int)globex.StatusCode} {await globex.Content.ReadAsStringAsync()}");
            await Problem.AssertAsync(acme, HttpStatusCode.NotFound);
        }

        var status = await (await world.Globex.GetAsync("/api/v1/clients/globex/status")).ReadJsonAsync();
        Assert.Contains(world.GlobexIncidentId, status.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefusedWritesLeaveGlobexsStateAsItWas()
    {
        var before = await GlobexStateAsync();
        var refused = TenantIsolationMatrix.Rows
            .Where(r => r.Writes)
            .SelectMany(r => new[] { Caller.Anonymous, Caller.Acme, Caller.Monitor }.Select(c => (Row: r, Caller: c)))
            .Where(x => x.Row.For(x.Caller).Answer == Answer.Problem)
            .ToList();
        Assert.Contains(refused, x => x.Row.Name == "DELETE /api/v1/clients/{id}" && x.Caller == Caller.Monitor);

        // Which refusal each gets is EachCallerGetsWhatTheMatrixSays's to check; here only that none got through.
        foreach (var (row, caller) in refused)
        {
            using var request = row.Request(world, caller);
            using var response = await ClientOf(caller).SendAsync(request);
            Assert.True((int)response.StatusCode >= 400, $"{caller} {row.Name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        var after = await GlobexStateAsync();
        Assert.Equal(before, after);
    }

    private static bool IsIngest(EndpointRow row) =>
        row.Name is "POST /api/v1/events/" || row.Route.StartsWith("/api/v1/integrations/", StringComparison.Ordinal) || row.Route.EndsWith("/push", StringComparison.Ordinal);

    private HttpClient ClientOf(Caller caller) => caller switch
    {
        Caller.Anonymous => world.Api.Anonymous,
        Caller.Acme => world.Api.Client,
        _ => world.Api.Monitor,
    };

    private void AssertNoGlobexData(string body, string except, string what)
    {
        foreach (var marker in world.GlobexMarkers.Where(m => !except.Contains(m, StringComparison.OrdinalIgnoreCase)))
        {
            var at = body.IndexOf(marker, StringComparison.OrdinalIgnoreCase);
            Assert.True(at < 0, $"{what} reveals globex's '{marker}': …{body[Math.Max(0, at - 200)..Math.Min(body.Length, at + 200)]}…");
        }
    }

    private static async Task<List<string>> ItemIdsAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await response.ReadJsonAsync()).GetProperty("items").EnumerateArray().Select(i => i.Str("id"))];
    }

    /// <summary>Everything of globex's that a write in the matrix would change, as ops read it; no clocks or running costs.</summary>
    private async Task<string> GlobexStateAsync()
    {
        var client = await world.OpsGetAsync("/api/v1/clients/globex");
        var incident = await world.OpsGetAsync($"/api/v1/incidents/{world.GlobexIncidentId}");
        var window = await world.OpsGetAsync($"/api/v1/maintenance/{world.GlobexMaintenanceId}");
        var services = new List<string>();
        foreach (var id in new[] { TenantIsolationWorld.GlobexService, TenantIsolationWorld.GlobexStreamService })
        {
            var service = await world.OpsGetAsync($"/api/v1/services/{id}");
            services.Add($"{id}: {service.Str("name")} {service.Str("status")} {service.GetProperty("openIncidentId")} {service.GetProperty("updatedAt")}");
        }

        var windows = await ItemIdsAsync(world.Api.Ops, $"/api/v1/maintenance?state=all&serviceId={TenantIsolationWorld.GlobexStreamService}");
        return string.Join('\n',
            $"client: {client}",
            $"incident: {incident.Str("stage")} acknowledged {incident.GetProperty("acknowledgedAt")} resolved {incident.GetProperty("resolvedAt")} "
                + $"timeline {incident.GetProperty("timeline").GetArrayLength()} reports {incident.GetProperty("reports").GetArrayLength()} feedback {incident.GetProperty("feedback").GetArrayLength()}",
            $"window: {window.Str("state")} {window.GetProperty("start")} {window.GetProperty("end")} revision {window.GetProperty("revision")}",
            string.Join('\n', services),
            $"windows on {TenantIsolationWorld.GlobexStreamService}: {string.Join(",", windows)}");
    }
}
