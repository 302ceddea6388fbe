using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using UptimeCoordinator.Delivery;
using UptimeCoordinator.Delivery.Tests.Support;
using UptimeCoordinator.Host.Tests.Http;

namespace UptimeCoordinator.Host.Tests.Shutdown;

/// <summary>
/// Hosts stopped the way SIGTERM stops them, and a real webhook receiver that sits on every request
/// for <see cref="ReceiverStall"/>, so that a host can be stopped while a notice is on the wire. With
/// Redis, every host started here shares the storage (one ServiceId, a ClusterId each, as a new
/// deployment has), so a later host reads the outboxes an earlier one left.
/// </summary>
internal sealed class ShutdownRig : IAsyncDisposable
{
    public const string ServiceId = "checkout";
    public const string ClientId = "acme";
    public const string HookPath = "/hooks/acme";
    public static readonly TimeSpan ReceiverStall = TimeSpan.FromSeconds(2);

    private readonly string? _redis;
    private readonly string _orleansServiceId = $"shutdown-tests-{Guid.NewGuid():N}";
    private readonly List<CoordinatorApp> _apps = [];
    private readonly List<CoordinatorClient> _clients = [];
    private readonly List<OutboxWitness> _witnesses = [];

    private ShutdownRig(WebhookReceiver receiver, string? redis)
    {
        Receiver = receiver;
        _redis = redis;
    }

    public WebhookReceiver Receiver { get; }

    public RecordingLoggerProvider Logs { get; } = new();

    /// <summary>The outcomes the client grains accepted, on every host of this rig.</summary>
    public IReadOnlyList<DeliveryOutcome> Accepted
    {
        get
        {
            lock (_witnesses)
            {
                return [.. _witnesses.SelectMany(w => w.Accepted)];
            }
        }
    }

    /// <param name="redis">A Redis connection string for every host, or null for embedded hosts.</param>
    public static async Task<ShutdownRig> StartAsync(string? redis = null)
    {
        var receiver = await WebhookReceiver.StartAsync();
        receiver.StallFor = _ => ReceiverStall;
        return new ShutdownRig(receiver, redis);
    }

    /// <summary>Starts a host and waits until it is ready.</summary>
    public async Task<(CoordinatorApp App, CoordinatorClient Api)> StartHostAsync()
    {
        var settings = new Dictionary<string, string>
        {
            ["Orleans:ServiceId"] = _orleansServiceId,
            ["Notifications:Delivery:DrainTimeout"] = "PT10S",
            ["Logging:LogLevel:UptimeCoordinator.Delivery"] = "Information",
        };
        if (_redis is not null)
        {
            settings["ConnectionStrings:Redis"] = _redis;
        }

        var app = new CoordinatorApp(settings: settings, services: services =>
        {
            services.AddSingleton<ILoggerProvider>(Logs);
            OutboxWitness.Install(services, witness =>
            {
                lock (_witnesses)
                {
                    _witnesses.Add(witness);
                }
            });
        });
        _apps.Add(app);
        var api = new CoordinatorClient(app);
        _clients.Add(api);
        await api.WaitUntilReadyAsync();
        return (app, api);
    }

    /// <summary>The service, and a client subscribed to it whose one contact is a webhook to the receiver.</summary>
    public async Task DefineServiceAndClientAsync(CoordinatorClient api)
    {
        await api.CreateServiceAsync(ServiceId);
        using var response = await api.Ops.PutAsync($"/api/v1/clients/{ClientId}", Json.Content(new
        {
            name = "Acme",
            timeZone = "UTC",
            subscriptions = new[] { new { serviceId = ServiceId } },
            contacts = new[] { new { id = "bot", name = "Acme bot", webhookUrl = Receiver.UrlFor(HookPath).ToString() } },
        }));
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"PUT client: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>
    /// Stops the host as SIGTERM does (<see cref="IHostApplicationLifetime.StopApplication"/>: the
    /// entry point's Run then stops every hosted service) and waits until it has stopped.
    /// </summary>
    public static async Task<TimeSpan> StopAsync(CoordinatorApp app)
    {
        var lifetime = app.Services.GetRequiredService<IHostApplicationLifetime>();
        var stopped = new TaskCompletionSource();
        using var registration = lifetime.ApplicationStopped.Register(() => stopped.TrySetResult());
        var clock = Stopwatch.StartNew();
        lifetime.StopApplication();
        await stopped.Task.WaitAsync(TimeSpan.FromSeconds(30));
        return clock.Elapsed;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        foreach (var app in _apps)
        {
            await app.DisposeAsync();
        }

        await Receiver.DisposeAsync();
    }
}
