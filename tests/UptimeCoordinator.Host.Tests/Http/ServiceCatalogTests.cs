using System.Net;

namespace UptimeCoordinator.Host.Tests.Http;

/// <summary>The service catalogue: <c>PUT/GET/DELETE /api/v1/services/{id}</c>.</summary>
[Collection(SharedCoordinatorCollection.Name)]
public sealed class ServiceCatalogTests(CoordinatorFixture fixture)
{
    private CoordinatorClient Api => fixture.Api;

    [Fact]
    public async Task PutCreatesWithLocationThenUpdates()
    {
        var id = TestIds.Unique();

        using var created = await Api.PutServiceAsync(id, new { name = "Checkout" });
        using var updated = await Api.PutServiceAsync(id, new { name = "Checkout v2" });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"/api/v1/services/{id}", created.Headers.Location?.OriginalString);
        Assert.Equal("Checkout", (await created.ReadJsonAsync()).Str("name"));
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Null(updated.Headers.Location);
        Assert.Equal("Checkout v2", (await updated.ReadJsonAsync()).Str("name"));
        Assert.Equal("Checkout v2", (await Api.GetServiceAsync(id)).Str("name"));
    }

    [Fact]
    public async Task UpdateKeepsCreatedAtAndAdvancesUpdatedAt()
    {
        var id = TestIds.Unique();
        var created = await Api.CreateServiceAsync(id);

        using var response = await Api.PutServiceAsync(id, new { name = "Renamed" });
        var updated = await response.ReadJsonAsync();

        Assert.Equal(created.Time("createdAt"), updated.Time("createdAt"));
        Assert.True(updated.Time("updatedAt") >= created.Time("updatedAt"));
    }

    [Fact]
    public async Task GetReturnsTheDefinitionInCamelCase()
    {
        var database = TestIds.Unique("db");
        var id = TestIds.Unique("api");
        await Api.CreateServiceAsync(database);
        await Api.CreateServiceAsync(id, new
        {
            name = "Public API",
            description = "What customers call",
            group = "edge",
            dependsOn = new[] { database },
            detection = new { failureThreshold = 3, recoveryThreshold = 2 },
        });

        var service = await Api.GetServiceAsync(id);

        Assert.Equal(id, service.Str("id"));
        Assert.Equal("Public API", service.Str("name"));
        Assert.Equal("What customers call", service.Str("description"));
        Assert.Equal("edge", service.Str("group"));
        Assert.Equal([database], service.Strings("dependsOn"));
        Assert.Equal(3, service.GetProperty("detection").GetProperty("failureThreshold").GetInt32());
        Assert.Equal(2, service.GetProperty("detection").GetProperty("recoveryThreshold").GetInt32());
    }

    [Fact]
    public async Task NewServiceIsOperationalWithNoOpenIncident()
    {
        var id = TestIds.Unique();
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        await Api.CreateServiceAsync(id);

        var service = await Api.GetServiceAsync(id);

        Assert.Equal("operational", service.Str("status"));
        Assert.True(service.TryGetProperty("since", out _), $"no 'since' in {service}");
        Assert.True(service.IsNull("openIncidentId"));
        Assert.Empty(service.GetProperty("checks").EnumerateArray());
        Assert.Equal(1, service.GetProperty("detection").GetProperty("failureThreshold").GetInt32());
        Assert.Equal(1, service.GetProperty("detection").GetProperty("recoveryThreshold").GetInt32());
        Assert.InRange(service.Time("createdAt"), before, DateTimeOffset.UtcNow.AddSeconds(1));
    }

    [Fact]
    public async Task SinceIsWhenTheStatusLastChanged()
    {
        var id = TestIds.Unique();
        await Api.CreateServiceAsync(id);
        var downAt = TestTime.MinutesAgo(3);

        await Api.RecordAsync(EventBody.Down(id, downAt));

        var service = await Api.GetServiceAsync(id);
        Assert.Equal("major_outage", service.Str("status"));
        Assert.Equal(downAt, service.Time("since"));
    }

    [Fact]
    public async Task DependsOnUnknownServiceIsRejected()
    {
        var id = TestIds.Unique();
        var missing = TestIds.Unique("missing");

        using var response = await Api.PutServiceAsync(id, new { name = "Orphan", dependsOn = new[] { missing } });

        var messages = await Problem.AssertValidationAsync(response, "dependsOn");
        Assert.Contains(messages, m => m.Contains(missing, StringComparison.Ordinal));
        using var get = await Api.Ops.GetAsync(CoordinatorClient.ServicePath(id));
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
    }

    [Fact]
    public async Task DependencyCycleIsRejectedAndChangesNothing()
    {
        var a = TestIds.Unique("a");
        var b = TestIds.Unique("b");
        await Api.CreateServiceAsync(a, new { name = "A" });
        await Api.CreateServiceAsync(b, new { name = "B", dependsOn = new[] { a } });

        using var response = await Api.PutServiceAsync(a, new { name = "A changed", dependsOn = new[] { b } });

        var messages = await Problem.AssertValidationAsync(response, "dependsOn");
        var cycle = Assert.Single(messages, m => m.Contains("cycle", StringComparison.Ordinal));
        Assert.Contains(a, cycle, StringComparison.Ordinal);
        Assert.Contains(b, cycle, StringComparison.Ordinal);
        var unchanged = await Api.GetServiceAsync(a);
        Assert.Equal("A", unchanged.Str("name"));
        Assert.Empty(unchanged.Strings("dependsOn"));
    }

    [Fact]
    public async Task LongerDependencyCycleIsRejected()
    {
        var a = TestIds.Unique("a");
        var b = TestIds.Unique("b");
        var c = TestIds.Unique("c");
        await Api.CreateServiceAsync(a);
        await Api.CreateServiceAsync(b, new { name = "B", dependsOn = new[] { a } });
        await Api.CreateServiceAsync(c, new { name = "C", dependsOn = new[] { b } });

        using var response = await Api.PutServiceAsync(a, new { name = "A", dependsOn = new[] { c } });

        var messages = await Problem.AssertValidationAsync(response, "dependsOn");
        Assert.Contains(messages, m => m.Contains("cycle", StringComparison.Ordinal) && m.Contains(c, StringComparison.Ordinal));
        Assert.Empty((await Api.GetServiceAsync(a)).Strings("dependsOn"));
    }

    [Fact]
    public async Task DeleteRemovesTheService()
    {
        var id = TestIds.Unique();
        await Api.CreateServiceAsync(id);

        using var deleted = await Api.Ops.DeleteAsync(CoordinatorClient.ServicePath(id));
        using var get = await Api.Ops.GetAsync(CoordinatorClient.ServicePath(id));
        using var again = await Api.Ops.DeleteAsync(CoordinatorClient.ServicePath(id));

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await Problem.AssertAsync(get, HttpStatusCode.NotFound);
        await Problem.AssertAsync(again, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task DeletedServiceNoLongerTakesEvents()
    {
        var id = TestIds.Unique();
        await Api.CreateServiceAsync(id);
        using (await Api.Ops.DeleteAsync(CoordinatorClient.ServicePath(id)))
        {
        }

        using var response = await Api.PostEventAsync(EventBody.Down(id, TestTime.Now));

        var messages = await Problem.AssertValidationAsync(response, "serviceId");
        Assert.Contains(messages, m => m.Contains(id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task DeletedServiceCanBeDefinedAfresh()
    {
        var id = TestIds.Unique();
        await Api.CreateServiceAsync(id, new { name = "First life" });
        using (await Api.Ops.DeleteAsync(CoordinatorClient.ServicePath(id)))
        {
        }

        var reborn = await Api.CreateServiceAsync(id, new { name = "Second life" });

        Assert.Equal("Second life", reborn.Str("name"));
        Assert.Equal("operational", reborn.Str("status"));
    }

    [Fact]
    public async Task DependencyCanBeDeletedOnceNothingDependsOnIt()
    {
        var database = TestIds.Unique("db");
        var api = TestIds.Unique("api");
        await Api.CreateServiceAsync(database);
        await Api.CreateServiceAsync(api, new { name = "API", dependsOn = new[] { database } });
        using (var conflict = await Api.Ops.DeleteAsync(CoordinatorClient.ServicePath(database)))
        {
            Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        }

        using (var updated = await Api.PutServiceAsync(api, new { name = "API" }))
        {
            Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        }

        using var deleted = await Api.Ops.DeleteAsync(CoordinatorClient.ServicePath(database));
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
    }

    [Fact]
    public async Task ServiceWithResolvedIncidentCanBeDeleted()
    {
        var id = TestIds.Unique();
        await Api.CreateServiceAsync(id);
        await Api.RecordAsync(EventBody.Down(id, TestTime.MinutesAgo(2)), EventBody.Up(id, TestTime.MinutesAgo(1)));

        using var response = await Api.Ops.DeleteAsync(CoordinatorClient.ServicePath(id));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }
}
