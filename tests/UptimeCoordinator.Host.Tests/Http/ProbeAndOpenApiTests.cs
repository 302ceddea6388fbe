using System.Net;

namespace UptimeCoordinator.Host.Tests.Http;

/// <summary>Liveness, readiness and the OpenAPI document: open to anyone, no key needed.</summary>
[Collection(SharedCoordinatorCollection.Name)]
public sealed class ProbeAndOpenApiTests(CoordinatorFixture fixture)
{
    private CoordinatorClient Api => fixture.Api;

    [Fact]
    public async Task HealthzAnswersWithoutAKey()
    {
        using var response = await Api.Anonymous.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", (await response.ReadJsonAsync()).Str("status"));
    }

    [Fact]
    public async Task ReadyzAnswersWithoutAKeyOnceTheSiloRuns()
    {
        await Api.WaitUntilReadyAsync();

        using var response = await Api.Anonymous.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", (await response.ReadJsonAsync()).Str("status"));
    }

    [Fact]
    public async Task ProbesIgnoreAnInvalidKey()
    {
        using var client = fixture.App.ClientWith(ApiKeys.Unknown);

        using var healthz = await client.GetAsync("/healthz");
        using var readyz = await client.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, healthz.StatusCode);
        Assert.Equal(HttpStatusCode.OK, readyz.StatusCode);
    }

    [Theory]
    [InlineData("/api/v1/services")]
    [InlineData("/api/v1/services/{id}")]
    [InlineData("/api/v1/events")]
    [InlineData("/api/v1/incidents")]
    [InlineData("/api/v1/incidents/{id}")]
    [InlineData("/healthz")]
    [InlineData("/readyz")]
    public async Task OpenApiDocumentDescribesEveryEndpoint(string path)
    {
        using var response = await Api.Anonymous.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var paths = (await response.ReadJsonAsync()).GetProperty("paths").EnumerateObject().Select(p => p.Name);
        Assert.Contains(path, paths);
    }

    [Fact]
    public async Task OpenApiDocumentDeclaresTheMethodsOfTheServiceResource()
    {
        using var response = await Api.Anonymous.GetAsync("/openapi/v1.json");

        var service = (await response.ReadJsonAsync()).GetProperty("paths").GetProperty("/api/v1/services/{id}");
        Assert.True(service.TryGetProperty("get", out _));
        Assert.True(service.TryGetProperty("put", out _));
        Assert.True(service.TryGetProperty("delete", out _));
    }

    [Theory]
    [InlineData("/api/v1/events", "post", true)]
    [InlineData("/api/v1/clients/{id}/status", "get", true)]
    [InlineData("/healthz", "get", false)]
    public async Task OpenApiDocumentSaysWhenToRetry(string path, string method, bool needsKey)
    {
        using var response = await Api.Anonymous.GetAsync("/openapi/v1.json");

        var responses = (await response.ReadJsonAsync()).GetProperty("paths").GetProperty(path).GetProperty(method).GetProperty("responses");
        Assert.True(responses.GetProperty("503").GetProperty("headers").TryGetProperty("Retry-After", out _));
        Assert.Equal(needsKey, responses.TryGetProperty("429", out var throttled));
        if (needsKey)
        {
            Assert.True(throttled.GetProperty("headers").TryGetProperty("Retry-After", out _));
        }
    }
}
