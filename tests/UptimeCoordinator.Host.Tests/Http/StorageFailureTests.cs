using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Providers;
using Orleans.Runtime.Hosting;
using Orleans.Storage;

namespace UptimeCoordinator.Host.Tests.Http;

/// <summary>
/// What callers see when grain storage fails: readiness goes down, errors stay opaque, and nothing
/// is acknowledged that was not persisted (DESIGN.md §6, "accepted means durable").
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
    public async Task InternalErrorIsAnOpaqueProblemWithTraceId()
    {
        await using var app = NewApp();
        using var api = new CoordinatorClient(app);
        await api.WaitUntilReadyAsync();
        _storage!.FailReads = true;

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

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
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
            Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        }

        _storage.FailWrites = false;
        using var retry = await api.PostEventAsync(down);

        Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
        var counts = await retry.ReadJsonAsync();
        Assert.Equal(1, counts.GetProperty("accepted").GetInt32());
        Assert.Equal(0, counts.GetProperty("duplicates").GetInt32());
        Assert.Contains("major_outage", _storage.Stored("service", id), StringComparison.Ordinal);
    }

    private CoordinatorApp NewApp() => new(services: s => s.AddGrainStorage(
        ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME,
        (sp, _) => _storage = new FaultyGrainStorage(sp.GetRequiredService<IGrainStorageSerializer>())));
}
