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
    private static readonly TimeSpan TimerSlack = TimeSpan.FromMilliseconds(250);

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
        using var refused = await BurstUntilRefusedAsync(_api.Client, "/api/v1/clients/acme/status", ClientLimit, HttpStatusCode.NotFound);

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

        using var refused = await BurstUntilRefusedAsync(ops, "/api/v1/services", OpsLimit, HttpStatusCode.OK);

        // A key of another role, with its own smaller limit, is not refused because this one is spent.
        using var client = await _api.Client.GetAsync("/api/v1/clients/acme/status");
        Assert.Equal(HttpStatusCode.NotFound, client.StatusCode);
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
        using var refused = await BurstUntilRefusedAsync(globex, "/api/v1/clients/globex", ClientLimit, HttpStatusCode.NotFound);

        // The bucket refills on a timer's tick, which a busy machine may run a little late.
        await Task.Delay(refused.Headers.RetryAfter!.Delta!.Value + TimerSlack);

        using var again = await globex.GetAsync("/api/v1/clients/globex");
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    /// <summary>
    /// Spends a full bucket, <paramref name="limit"/> requests answered <paramref name="allowed"/>, and
    /// returns the answer to the one after. The bucket refills once a second at a moment the test cannot
    /// see: a burst the refill fell into lets more through, and is tried again after the bucket is full.
    /// </summary>
    private static async Task<HttpResponseMessage> BurstUntilRefusedAsync(HttpClient http, string path, int limit, HttpStatusCode allowed)
    {
        const int Attempts = 4;
        for (var attempt = 1; ; attempt++)
        {
            var statuses = await SendAsync(http, path, limit);
            Assert.Equal(Enumerable.Repeat(allowed, limit), statuses);
            var next = await http.GetAsync(path);
            if (next.StatusCode == HttpStatusCode.TooManyRequests)
            {
                return next;
            }

            Assert.Equal(allowed, next.StatusCode);
            next.Dispose();
            Assert.True(attempt < Attempts, $"{Attempts} bursts of {limit + 1} requests were all let through: the key is not limited to {limit} a second.");
            await Task.Delay(TimeSpan.FromSeconds(1) + TimerSlack);
        }
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
