using System.Net;

namespace UptimeCoordinator.Host.Tests.Http;

/// <summary>
/// Requests per second per API key, by role (DESIGN.md §7, <c>RateLimiting:*</c>): over its limit a
/// key is answered 429 with Retry-After, other keys carry on, and 0 switches a role's limit off.
/// </summary>
public sealed class RateLimitingTests : IAsyncLifetime
{
    private const string GlobexKey = "rate-tests-client-globex-key";
    private const string SecondOpsKey = "rate-tests-second-ops-key";
    private const int ClientLimit = 3;
    private const int OpsLimit = 6;

    private readonly CoordinatorApp _app = new(settings: new Dictionary<string, string>
    {
        ["RateLimiting:ClientPerSecond"] = $"{ClientLimit}",
        ["RateLimiting:OpsPerSecond"] = $"{OpsLimit}",
        ["RateLimiting:MonitorPerSecond"] = "0",
        [$"Auth:ApiKeys:{GlobexKey}"] = "client:globex",
        [$"Auth:ApiKeys:{SecondOpsKey}"] = "ops",
    });

    private CoordinatorClient _api = null!;

    public async Task InitializeAsync()
    {
        _api = new CoordinatorClient(_app);
        await _api.WaitUntilReadyAsync();
    }

    public async Task DisposeAsync()
    {
        _api.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task AClientKeyOverItsLimitIsAnswered429WithRetryAfterAndOtherKeysCarryOn()
    {
        var statuses = await SendAsync(_api.Client, "/api/v1/clients/acme/status", ClientLimit + 1);

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.NotFound, ClientLimit), statuses[..ClientLimit]);
        using var refused = await _api.Client.GetAsync("/api/v1/clients/acme/status");
        var problem = await Problem.AssertAsync(refused, HttpStatusCode.TooManyRequests);
        Assert.Contains("retry after", problem.Str("detail"), StringComparison.Ordinal);
        var retryAfter = refused.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));

        using var globex = _app.ClientWith(GlobexKey);
        using var othersRequest = await globex.GetAsync("/api/v1/clients/globex/status");
        Assert.NotEqual(HttpStatusCode.TooManyRequests, othersRequest.StatusCode);
        using var ops = await _api.Ops.GetAsync("/api/v1/services");
        Assert.Equal(HttpStatusCode.OK, ops.StatusCode);
    }

    [Fact]
    public async Task EachRoleHasItsOwnLimit()
    {
        using var ops = _app.ClientWith(SecondOpsKey);

        var statuses = await SendAsync(ops, "/api/v1/services", OpsLimit + 2);

        Assert.Equal(OpsLimit, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(2, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
        Assert.Equal(Enumerable.Repeat(HttpStatusCode.OK, OpsLimit), statuses[..OpsLimit]);
    }

    [Fact]
    public async Task ARoleWhoseLimitIsZeroIsNotLimited()
    {
        var service = TestIds.Unique();
        await _api.CreateServiceAsync(service);

        var statuses = await SendAsync(_api.Monitor, "/api/v1/events", 60,
            () => Json.Content(new EventBody(service, "up", TestTime.Now, EventId: TestIds.Unique("evt"))));

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Accepted, s));
    }

    [Fact]
    public async Task RequestsWithoutAKeyAreNotCountedAgainstAnyKey()
    {
        var probes = await SendAsync(_api.Anonymous, "/healthz", 3 * ClientLimit);

        Assert.All(probes, s => Assert.Equal(HttpStatusCode.OK, s));
    }

    [Fact]
    public async Task AKeyThatWaitedAsToldMayGoOn()
    {
        using var globex = _app.ClientWith(GlobexKey);
        await SendAsync(globex, "/api/v1/clients/globex", ClientLimit);
        using var refused = await globex.GetAsync("/api/v1/clients/globex");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);

        await Task.Delay(refused.Headers.RetryAfter!.Delta!.Value);

        using var again = await globex.GetAsync("/api/v1/clients/globex");
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    private static async Task<HttpStatusCode[]> SendAsync(HttpClient http, string path, int count, Func<HttpContent>? body = null)
    {
        var statuses = new HttpStatusCode[count];
        for (var i = 0; i < count; i++)
        {
            using var response = body is null ? await http.GetAsync(path) : await http.PostAsync(path, body());
            statuses[i] = response.StatusCode;
        }

        return statuses;
    }
}
