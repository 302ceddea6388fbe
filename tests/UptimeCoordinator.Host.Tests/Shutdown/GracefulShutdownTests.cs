using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using UptimeCoordinator.Delivery;
using UptimeCoordinator.Host.Tests.Http;
using UptimeCoordinator.Host.Tests.Infrastructure;
using UptimeCoordinator.Host.Tests.Redis;
using Xunit.Abstractions;

namespace UptimeCoordinator.Host.Tests.Shutdown;

/// <summary>
/// Issue 8, graceful behaviour on SIGTERM: a stopping host stops taking requests, lets the notices on
/// the wire arrive, records their outcomes in the client grains' outboxes, and only then leaves the
/// cluster, so a rolling update loses nothing and sends nothing twice.
/// </summary>
public sealed class GracefulShutdownTests(ITestOutputHelper output)
{
    [Fact]
    public async Task ANoticeOnTheWireWhenTheHostStopsArrivesAndItsOutcomeReachesTheOutboxBeforeTheSiloLeaves()
    {
        await using var rig = await ShutdownRig.StartAsync();
        var (app, api) = await rig.StartHostAsync();
        await rig.DefineServiceAndClientAsync(api);

        await api.RecordAsync(EventBody.Down(ShutdownRig.ServiceId, TestTime.Now));
        await Eventually.HoldsAsync(() => rig.Receiver.Requests.Count == 1, "the webhook is on the wire");
        var took = await ShutdownRig.StopAsync(app);
        output.WriteLine($"stopped {took.TotalSeconds:0.0} s after the stop was asked for");

        var hook = Assert.Single(rig.Receiver.Requests);
        Assert.Equal(1, rig.Receiver.Successes);
        var outcome = Assert.Single(rig.Accepted);
        Assert.Equal((hook.Id, DeliveryResult.Sent, 1), (outcome.NoticeId, outcome.Result, outcome.Attempts));
        Assert.Contains(rig.Logs.Lines, l => l.Text.StartsWith("Notice delivery stopped: 1 send(s) in flight drained and reported, 0 cut off", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task ARollingUpdateNeitherLosesNorRepeatsANoticeThatWasOnTheWire()
    {
        var executable = ExternalProgram.RequireOnPath(RedisServer.Executable, "the rolling update test");
        await using var redis = await RedisServer.StartAsync(executable, TimeSpan.FromSeconds(15));
        await using var rig = await ShutdownRig.StartAsync(redis.ConnectionString);
        var (old, oldApi) = await rig.StartHostAsync();
        await rig.DefineServiceAndClientAsync(oldApi);

        await oldApi.RecordAsync(EventBody.Down(ShutdownRig.ServiceId, TestTime.Now));
        await Eventually.HoldsAsync(() => rig.Receiver.Requests.Count == 1, "the webhook is on the wire");
        var took = await ShutdownRig.StopAsync(old);
        output.WriteLine($"the old host stopped {took.TotalSeconds:0.0} s after the stop was asked for");
        var (_, newApi) = await rig.StartHostAsync();

        var notice = Assert.Single(await NoticesAsync(newApi));
        var hook = Assert.Single(rig.Receiver.Requests);
        Assert.Equal(1, rig.Receiver.Successes);
        Assert.Equal((hook.Id, "sent", 1), (notice.Str("id"), notice.Str("state"), notice.GetProperty("attempts").GetInt32()));
    }

    [Fact]
    public async Task TheNoticeDispatcherStopsAfterKestrelAndBeforeTheSilo()
    {
        await using var app = new CoordinatorApp();

        // Hosted services stop one after the other, in reverse order of registration.
        var order = app.Services.GetServices<IHostedService>().Select(s => s.GetType().Name).ToList();

        var (silo, dispatcher, kestrel) = (order.IndexOf("SiloHostedService"), order.IndexOf("NoticeDispatcher"), order.IndexOf("GenericWebHostService"));

        Assert.False(app.Services.GetRequiredService<IOptions<HostOptions>>().Value.ServicesStopConcurrently);
        Assert.True(silo >= 0 && silo < dispatcher && dispatcher < kestrel, $"Registered in this order: {string.Join(", ", order)}");
    }

    [Theory]
    [InlineData(null, 45)]
    [InlineData("50", 50)]
    public async Task TheHostTakesFortyFiveSecondsToStopUnlessTheOperatorSaysOtherwise(string? configured, int seconds)
    {
        await using var app = new CoordinatorApp(settings: configured is null ? null : new Dictionary<string, string> { ["shutdownTimeoutSeconds"] = configured });

        Assert.Equal(TimeSpan.FromSeconds(seconds), app.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout);
    }

    private static async Task<List<JsonElement>> NoticesAsync(CoordinatorClient api)
    {
        using var response = await api.Ops.GetAsync($"/api/v1/clients/{ShutdownRig.ClientId}/notices");
        return [.. (await response.ReadJsonAsync()).GetProperty("items").EnumerateArray()];
    }
}
