using System.Net;

namespace UptimeCoordinator.Host.Tests.Http;

/// <summary>API keys and roles (DESIGN.md §4): who may call what, and how refusals look.</summary>
[Collection(SharedCoordinatorCollection.Name)]
public sealed class AuthTests(CoordinatorFixture fixture)
{
    private CoordinatorClient Api => fixture.Api;

    /// <summary>Every endpoint that only ops may call, as (method, path).</summary>
    public static TheoryData<string, string> OpsOnlyEndpoints => new()
    {
        { "GET", "/api/v1/services" },
        { "GET", "/api/v1/services/some-service" },
        { "PUT", "/api/v1/services/some-service" },
        { "DELETE", "/api/v1/services/some-service" },
        { "GET", "/api/v1/incidents" },
        { "GET", "/api/v1/incidents/some-incident" },
    };

    [Fact]
    public async Task RequestWithoutKeyIsUnauthorizedWithBearerChallenge()
    {
        using var response = await Api.Anonymous.GetAsync("/api/v1/services");

        var problem = await Problem.AssertAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
        Assert.Contains("Authorization: Bearer", problem.Str("detail"), StringComparison.Ordinal);
    }

    // Every EventSource sends this Accept header, and no problem writer takes it.
    [Fact]
    public async Task AStreamRequestWithoutKeyIsAProblemWithTraceIdToo()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/stream");
        request.Headers.Accept.ParseAdd("text/event-stream");

        using var response = await Api.Anonymous.SendAsync(request);

        var problem = await Problem.AssertAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal("/api/v1/stream", problem.Str("instance"));
        Assert.False(string.IsNullOrEmpty(problem.Str("traceId")));
    }

    [Fact]
    public async Task UnknownBearerKeyIsUnauthorized()
    {
        using var client = fixture.App.ClientWith(ApiKeys.Unknown);

        using var response = await client.GetAsync("/api/v1/services");

        var problem = await Problem.AssertAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
        Assert.Contains("not valid", problem.Str("detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownXApiKeyIsUnauthorized()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/services");
        request.Headers.Add("X-Api-Key", ApiKeys.Unknown);

        using var response = await Api.Anonymous.SendAsync(request);

        await Problem.AssertAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task XApiKeyHeaderAuthenticatesLikeBearer()
    {
        var id = TestIds.Unique();
        await Api.CreateServiceAsync(id);
        using var request = new HttpRequestMessage(HttpMethod.Get, CoordinatorClient.ServicePath(id));
        request.Headers.Add("X-Api-Key", ApiKeys.Ops);

        using var response = await Api.Anonymous.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(id, (await response.ReadJsonAsync()).Str("id"));
    }

    [Theory]
    [MemberData(nameof(OpsOnlyEndpoints))]
    public async Task MonitorKeyIsForbiddenOnOpsEndpoints(string method, string path)
    {
        using var response = await SendAsync(Api.Monitor, method, path);

        var problem = await Problem.AssertAsync(response, HttpStatusCode.Forbidden);
        Assert.Contains("role", problem.Str("detail"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(OpsOnlyEndpoints))]
    public async Task ClientKeyIsForbiddenOnOpsEndpoints(string method, string path)
    {
        using var response = await SendAsync(Api.Client, method, path);

        await Problem.AssertAsync(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task ClientKeyCannotPostEvents()
    {
        var id = TestIds.Unique();
        await Api.CreateServiceAsync(id);

        using var response = await Api.Client.PostAsync("/api/v1/events", Json.Content(EventBody.Down(id, TestTime.Now)));

        await Problem.AssertAsync(response, HttpStatusCode.Forbidden);
        Assert.Equal("operational", (await Api.GetServiceAsync(id)).Str("status"));
    }

    [Fact]
    public async Task MonitorKeyCanPostEvents()
    {
        var id = TestIds.Unique();
        await Api.CreateServiceAsync(id);

        using var response = await Api.Monitor.PostAsync("/api/v1/events", Json.Content(EventBody.Down(id, TestTime.Now)));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("major_outage", (await Api.GetServiceAsync(id)).Str("status"));
    }

    [Fact]
    public async Task OpsKeyCanPostEventsToo()
    {
        var id = TestIds.Unique();
        await Api.CreateServiceAsync(id);

        using var response = await Api.Ops.PostAsync("/api/v1/events", Json.Content(EventBody.Up(id, TestTime.Now)));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task ForbiddenPutCreatesNothing()
    {
        var id = TestIds.Unique();

        using var response = await Api.Monitor.PutAsync(CoordinatorClient.ServicePath(id), Json.Content(new { name = "Sneaky" }));

        await Problem.AssertAsync(response, HttpStatusCode.Forbidden);
        using var get = await Api.Ops.GetAsync(CoordinatorClient.ServicePath(id));
        await Problem.AssertAsync(get, HttpStatusCode.NotFound);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "PUT")
        {
            request.Content = Json.Content(new { name = "Anything" });
        }

        return await client.SendAsync(request);
    }
}
