using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Providers;
using Orleans.Runtime.Hosting;
using Orleans.Storage;

namespace UptimeCoordinator.Host.Tests.Http;

/// <summary>
/// What callers see when grain storage fails or stalls: readiness goes down, the API answers 503 with
/// Retry-After within the grain call timeout rather than hanging, other errors stay opaque, and
/// nothing is acknowledged that was not persisted (DESIGN.md §6, "accepted means durable").
/// </summary>
public sealed class StorageFailureTests
{
    private FaultyGrainStorage? _storage;

    [Fact]
    public async Task ReadyzFollowsGrainStorage()
    {
        await using var app = NewApp();
        using var api = new CoordinatorClient(app);
        await api.WaitUntilReadyAsync();

        _storage!.FailReads = true;
        using var failing = await api.Anonymous.GetAsync("/readyz");
        _storage.FailReads = false;
        using var recovered = await api.Anonymous.GetAsync("/readyz");

        var problem = await Problem.AssertAsync(failing, HttpStatusCode.ServiceUnavailable);
        Assert.Contains("storage", problem.Str("detail"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, recovered.StatusCode);
    }

    [Fact]
    public async Task StorageThatStopsAnsweringIsA503WithRetryAfter()
    {
        await using var app = NewApp();
        using var api = new CoordinatorClient(app);
        await api.WaitUntilReadyAsync();
        _storage!.FailReads = true;

        using var response = await api.Ops.GetAsync(CoordinatorClient.ServicePath(TestIds.Unique()));

        var problem = await Problem.AssertAsync(response, HttpStatusCode.ServiceUnavailable);
        Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);
        Assert.Contains("retry after 5 s", problem.Str("detail"), StringComparison.Ordinal);
        Assert.DoesNotContain("does not answer", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StalledStorageIsA503WithinTheGrainCallTimeoutNotAHang()
    {
        await using var app = NewApp(new Dictionary<string, string> { ["Orleans:Messaging:ResponseTimeout"] = "00:00:02" });
        using var api = new CoordinatorClient(app);
        var id = TestIds.Unique();
        await api.CreateServiceAsync(id);
        var stall = TimeSpan.FromSeconds(12);
        _storage!.Delay = stall;

        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var response = await api.PostEventAsync(EventBody.Down(id, TestTime.Now));
        var answeredAfter = clock.Elapsed;
        _storage.Delay = TimeSpan.Zero;

        await Problem.AssertAsync(response, HttpStatusCode.ServiceUnavailable);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.True(answeredAfter < stall - TimeSpan.FromSeconds(4), $"answered after {answeredAfter.TotalSeconds:0.0} s, as late as the stalled write");
    }

    // What a caller saw, in the silo-loss test, when the silo gave up on an activation stuck behind the
    // dead silo's directory partition: the activation's cancellation, not the caller's. It is trouble in
    // the cluster like a timeout, and was a 500.
    [Fact]
    public async Task AnActivationTheSiloGaveUpOnIsA503()
    {
        await using var app = NewApp();
        using var api = new CoordinatorClient(app);
        await api.WaitUntilReadyAsync();
        _storage!.Fault = () => new TaskCanceledException("Test storage: the activation was cancelled.");
        _storage.FailReads = true;

        using var response = await api.Ops.GetAsync(CoordinatorClient.ServicePath(TestIds.Unique()));

        await Problem.AssertAsync(response, HttpStatusCode.ServiceUnavailable);
        Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task InternalErrorIsAnOpaqueProblemWithTraceId()
    {
        await using var app = NewApp();
        using var api = new CoordinatorClient(app);
        await api.WaitUntilReadyAsync();
        _storage!.Fault = () => new InvalidOperationException("Test storage refuses: the record is corrupt.");
        _storage.FailReads = true;

        using var response = await api.Ops.GetAsync(CoordinatorClient.ServicePath(TestIds.Unique()));

        var problem = await Problem.AssertAsync(response, HttpStatusCode.InternalServerError);
        Assert.Contains("traceId", problem.Str("detail"), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(problem.Str("traceId")));
        Assert.DoesNotContain("refuses", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EventWhoseWriteFailedIsNotAcknowledged()
    {
        await using var app = NewApp();
        using var api = new CoordinatorClient(app);
        var id = TestIds.Unique();
        await api.CreateServiceAsync(id);
        _storage!.FailWrites = true;

        using var response = await api.PostEventAsync(EventBody.Down(id, TestTime.Now));

        await Problem.AssertAsync(response, HttpStatusCode.ServiceUnavailable);
        Assert.DoesNotContain("major_outage", _storage.Stored("service", id) ?? "", StringComparison.Ordinal);
    }

    // The grain changes its in-memory state, including the remembered event ids, before it writes. If it
    // kept that memory after a failed write, the monitor's retry would be answered 202 as a duplicate and
    // the event would never be stored.
    [Fact]
    public async Task RetryOfAnEventWhoseWriteFailedIsAppliedAndPersisted()
    {
        await using var app = NewApp();
        using var api = new CoordinatorClient(app);
        var id = TestIds.Unique();
        await api.CreateServiceAsync(id);
        var down = new EventBody(id, "down", TestTime.Now, EventId: TestIds.Unique("evt"));
        _storage!.FailWrites = true;
        using (var failed = await api.PostEventAsync(down))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
        }

        _storage.FailWrites = false;
        using var retry = await api.PostEventAsync(down);

        Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
        var counts = await retry.ReadJsonAsync();
        Assert.Equal(1, counts.GetProperty("accepted").GetInt32());
        Assert.Equal(0, counts.GetProperty("duplicates").GetInt32());
        Assert.Contains("major_outage", _storage.Stored("service", id), StringComparison.Ordinal);
    }

    private CoordinatorApp NewApp(IReadOnlyDictionary<string, string>? settings = null) => new(settings: settings, services: s => s.AddGrainStorage(
        ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME,
        (sp, _) => _storage = new FaultyGrainStorage(sp.GetRequiredService<IGrainStorageSerializer>())));
}
