using System.Diagnostics;
using System.Net;
using System.Text.Json;
using UptimeCoordinator.Host.Integrations.Alertmanager;
using UptimeCoordinator.Host.Tests.Http;
using UptimeCoordinator.Host.Tests.Infrastructure;

namespace UptimeCoordinator.Host.Tests.Integrations.Alertmanager;

/// <summary>
/// A stock Alertmanager, configured with nothing but a webhook receiver pointing at the host on
/// Kestrel with a monitor key, drives an incident open and closed.
/// </summary>
public sealed class AlertmanagerEndToEndTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [SkippableFact]
    public async Task RealAlertmanagerOpensTheIncidentWhenAnAlertFiresAndResolvesItWhenTheAlertResolves()
    {
        var executable = AlertmanagerProcess.RequireExecutable();
        var port = FreePorts.Next();
        await using var app = new CoordinatorApp();
        app.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        using var api = new CoordinatorClient(app);
        await api.WaitUntilReadyAsync();
        var id = TestIds.Unique("am-e2e");
        await api.CreateServiceAsync(id);
        await using var alertmanager = await AlertmanagerProcess.StartAsync(
            executable, new Uri($"http://127.0.0.1:{port}{AlertmanagerApi.Path}"), ApiKeys.Monitor, Patience);
        var startsAt = DateTimeOffset.UtcNow.AddSeconds(-30);
        var labels = new Dictionary<string, string> { ["alertname"] = "CheckoutDown", ["service"] = id, ["severity"] = "critical" };
        var annotations = new Dictionary<string, string> { ["summary"] = "checkout answers 503" };

        await alertmanager.PostAlertsAsync(new { labels, annotations, startsAt });

        // The service names its incident a moment before the incident grain has taken the change: wait for both.
        var incidentId = await EventuallyAsync("the incident opens", alertmanager, async () =>
        {
            if ((await api.GetServiceAsync(id)).NullableStr("openIncidentId") is not { } open)
            {
                return null;
            }

            using var response = await api.Ops.GetAsync(CoordinatorClient.IncidentPath(open));
            return response.IsSuccessStatusCode ? open : null;
        });
        var incident = await api.GetIncidentAsync(incidentId);
        Assert.Equal(("detected", "critical"), (incident.Str("stage"), incident.Str("severity")));
        var opened = incident.GetProperty("timeline")[0];
        Assert.Equal(("alertmanager", "checkout answers 503"), (opened.Str("source"), opened.Str("message")));

        await alertmanager.PostAlertsAsync(new { labels, annotations, startsAt, endsAt = DateTimeOffset.UtcNow.AddSeconds(-1) });

        await EventuallyAsync("the incident resolves", alertmanager,
            async () => (await api.GetIncidentAsync(incidentId)) is var i && i.Str("stage") == "resolved" ? i : (JsonElement?)null);
        Assert.Equal("operational", (await api.GetServiceAsync(id)).Str("status"));
    }

    /// <summary>Polls until <paramref name="probe"/> gives a value, for at most <see cref="Patience"/>.</summary>
    private static async Task<T> EventuallyAsync<T>(string what, AlertmanagerProcess alertmanager, Func<Task<T?>> probe)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (await probe() is { } value)
            {
                alertmanager.Log.Note($"{what} after {clock.Elapsed.TotalSeconds:0.0} s");
                return value;
            }

            Assert.True(clock.Elapsed < Patience, $"Waited {Patience.TotalSeconds:0} s for {what}.\n{alertmanager.Log}");
            await Task.Delay(100);
        }
    }
}
