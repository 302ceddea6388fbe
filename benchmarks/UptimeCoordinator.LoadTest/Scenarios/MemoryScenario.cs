using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Runtime;
using UptimeCoordinator.Contracts.Clients;
using UptimeCoordinator.Contracts.Services;
using UptimeCoordinator.LoadTest.Processes;
using UptimeCoordinator.LoadTest.Reporting;

namespace UptimeCoordinator.LoadTest.Scenarios;

/// <summary>
/// Bytes per idle service and client grain. Empty: activations of ids nobody defined, so their state
/// is the default and the figure is the grain's own overhead (Orleans' activation, the grain object,
/// its persistent-state wrapper). With data: defined ones, deactivated and activated again, so the
/// stored copy is in the baseline and the figure adds only the state read back. Each count is the
/// heap after full blocking collections, before and after, divided by the number of activations.
/// </summary>
internal static class MemoryScenario
{
    public static async Task<List<MemoryFigure>> RunAsync(int count, Action<string> progress)
    {
        await using var host = new InProcessHost();
        using var http = host.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", CoordinatorProcess.OpsKey);
        var grains = host.Services.GetRequiredService<IGrainFactory>();
        var management = grains.GetGrain<IManagementGrain>(0);

        // Warms up the JIT and the first activations of each kind, which allocate shared structures once.
        await MeasureAsync(100, i => grains.GetGrain<IServiceGrain>($"warm-s{i}").ExistsAsync(), management);
        await MeasureAsync(100, i => grains.GetGrain<IClientGrain>($"warm-c{i}").GetAsync(), management);

        var figures = new List<MemoryFigure>();
        foreach (var (grain, activate, define) in new (string, Func<string, Task>, Func<string, Task>)[]
        {
            ("service", id => grains.GetGrain<IServiceGrain>(id).ExistsAsync(), id => PutAsync(http, $"/api/v1/services/{id}", new { name = $"Service {id}" })),
            ("client", id => grains.GetGrain<IClientGrain>(id).GetAsync(), id => PutAsync(http, $"/api/v1/clients/{id}", ClientBody(id))),
        })
        {
            var (empty, left) = await MeasureAsync(count, i => activate($"idle-{grain}-{i}"), management);
            progress($"{count} empty {grain} activations: {empty:N0} bytes each; {left:N0} bytes each left after deactivation");

            var ids = Enumerable.Range(0, count).Select(i => $"data-{grain}-{i.ToString(CultureInfo.InvariantCulture)}").ToList();
            if (grain == "client")
            {
                await PutAsync(http, "/api/v1/services/memory-db", new { name = "Customer database" });
            }

            await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (id, _) => await define(id));
            await CollectActivationsAsync(management);
            var (withData, _) = await MeasureAsync(count, i => activate(ids[i]), management);
            progress($"{count} {grain} activations with their data: {withData:N0} bytes each");
            figures.Add(new MemoryFigure(grain, count, empty, withData, left));
        }

        return figures;
    }

    private static object ClientBody(string id) => new
    {
        name = $"Client {id}",
        timeZone = "Europe/Berlin",
        subscriptions = new[] { new { serviceId = "memory-db", impact = 1.0 } },
        costProfile = new { currency = "EUR", costPerHour = 1200 },
        contacts = new object[]
        {
            new { id = "ops", name = "Ops desk", email = $"ops@{id}.example" },
            new { id = "bot", name = "Status bot", webhookUrl = $"https://hooks.{id}.example/uptime" },
        },
    };

    // Bytes per activation while they are active, and per activation left once they are collected again.
    private static async Task<(double PerActivation, double LeftAfter)> MeasureAsync(int count, Func<int, Task> activate, IManagementGrain management)
    {
        var before = Heap();
        for (var start = 0; start < count; start += 500)
        {
            await Task.WhenAll(Enumerable.Range(start, Math.Min(500, count - start)).Select(activate));
        }

        var active = Heap();
        await CollectActivationsAsync(management);
        var after = Heap();
        return ((active - before) / (double)count, (after - before) / (double)count);
    }

    private static async Task CollectActivationsAsync(IManagementGrain management)
    {
        await management.ForceActivationCollection(TimeSpan.Zero);

        // Deactivation finishes after the call returns.
        await Task.Delay(TimeSpan.FromSeconds(2));
    }

    private static long Heap()
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }

        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static async Task PutAsync(HttpClient http, string path, object body)
    {
        using var content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        using var response = await http.PutAsync(path, content);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"PUT {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }
}
