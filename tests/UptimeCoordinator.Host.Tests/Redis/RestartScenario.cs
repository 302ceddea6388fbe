using System.Diagnostics;
using System.Net;
using System.Text.Json;
using UptimeCoordinator.Delivery.Tests.Support;
using UptimeCoordinator.Host.Tests.Infrastructure;
using Xunit.Abstractions;

namespace UptimeCoordinator.Host.Tests.Redis;

/// <summary>
/// The setting of the tests that kill the only host and start a fresh one: a Redis server, an SMTP
/// listener, one service with one client whose contact Alice is told by email, and the settings of
/// the first host and of the fresh one. The fresh host is a new deployment: its own ClusterId, the
/// same ServiceId, under which grain state and reminders are kept (see RedisClusterTests for why the
/// ClusterId changes).
/// </summary>
internal sealed class RestartScenario : IAsyncDisposable
{
    public const string KindHeader = "X-Uptime-Notice-Kind";

    private readonly ITestOutputHelper _output;
    private readonly TimeSpan _stepsTimeout;

    private RestartScenario(ITestOutputHelper output, RedisServer redis, SmtpTestServer smtp, IReadOnlyDictionary<string, string> environment, TimeSpan stepsTimeout)
    {
        _output = output;
        _stepsTimeout = stepsTimeout;
        Redis = redis;
        Smtp = smtp;
        Hosts = new HostGroup(redis);
        var smtpSettings = new Dictionary<string, string>
        {
            ["Notifications__Smtp__Host"] = "127.0.0.1",
            ["Notifications__Smtp__Port"] = $"{smtp.Port}",
            ["Notifications__Smtp__UseTls"] = "false",
            ["Notifications__Smtp__From"] = "status@uptime.example",
        };
        FirstHost = new HostSettings(redis.ConnectionString, $"uc-test-{Run}-a", $"uc-redis-{Run}", $"redistest{Run}")
        {
            Environment = smtpSettings.Concat(environment).ToDictionary(),
        };
        FreshHost = FirstHost with { ClusterId = $"uc-test-{Run}-b" };
    }

    public string Run { get; } = Guid.NewGuid().ToString("N")[..12];

    public Stopwatch Clock { get; } = Stopwatch.StartNew();

    public RedisServer Redis { get; }

    public SmtpTestServer Smtp { get; }

    public HostGroup Hosts { get; }

    public HostSettings FirstHost { get; }

    public HostSettings FreshHost { get; }

    public string ServiceId => $"svc-{Run}";

    public string ClientId => $"acme-{Run}";

    /// <param name="environment">Configuration both hosts share, besides SMTP.</param>
    /// <param name="stepsTimeout">How long <see cref="WaitForEmailAsync"/> waits for one email.</param>
    public static async Task<RestartScenario> StartAsync(ITestOutputHelper output, IReadOnlyDictionary<string, string> environment, TimeSpan stepsTimeout)
    {
        var executable = RedisServer.RequireExecutable();
        var redis = await RedisServer.StartAsync(executable, TimeSpan.FromSeconds(15));
        return new RestartScenario(output, redis, new SmtpTestServer(), environment, stepsTimeout);
    }

    public async Task<HostProcess> StartHostAsync(HostSettings settings, string name)
    {
        var (host, ready) = await Hosts.StartAsync(settings, name);
        _output.WriteLine($"host {name} (cluster {settings.ClusterId}) ready after {ready.TotalSeconds:0.0} s");
        return host;
    }

    /// <summary>Creates the service and the client subscribed to it, with Alice on email.</summary>
    public async Task DefineServiceAndClientAsync(HostProcess host, string serviceName)
    {
        await host.SendJsonAsync(HttpMethod.Put, $"api/v1/services/{ServiceId}", new { name = serviceName }, HttpStatusCode.Created);
        await host.SendJsonAsync(HttpMethod.Put, $"api/v1/clients/{ClientId}", new
        {
            name = "Acme",
            timeZone = "Europe/Berlin",
            subscriptions = new[] { new { serviceId = ServiceId, impact = 1.0 } },
            contacts = new[] { new { id = "alice", name = "Alice", email = "alice@acme.example" } },
        }, HttpStatusCode.Created);
    }

    /// <summary>The kinds of the emails received so far, in order.</summary>
    public string[] Kinds() => [.. Smtp.Messages.Select(m => m.Headers[KindHeader] ?? "")];

    /// <summary>The delivery states of the client's notices, newest first.</summary>
    public async Task<string?[]> NoticeStatesAsync(HostProcess host) =>
        [.. (await host.SendJsonAsync(HttpMethod.Get, $"api/v1/clients/{ClientId}/notices", null, HttpStatusCode.OK))
            .GetProperty("items").EnumerateArray().Select(n => n.GetProperty("state").GetString())];

    /// <summary>Waits for the first email of <paramref name="kind"/>, noting progress every 5 s; returns when it arrived.</summary>
    public async Task<DateTimeOffset> WaitForEmailAsync(HostProcess host, string kind)
    {
        var waiting = Stopwatch.StartNew();
        var nextNote = TimeSpan.Zero;
        while (!Kinds().Contains(kind))
        {
            if (waiting.Elapsed >= nextNote)
            {
                var progress = $"{Clock.Elapsed.TotalSeconds:0.0} s: waiting for {kind}; received so far: {string.Join(", ", Kinds())}";
                _output.WriteLine(progress);
                host.Log.Note(progress);
                nextNote += TimeSpan.FromSeconds(5);
            }

            Assert.True(waiting.Elapsed < _stepsTimeout, $"not within {_stepsTimeout.TotalSeconds:0} s: the {kind} email");
            await Task.Delay(20);
        }

        var arrived = DateTimeOffset.UtcNow;
        _output.WriteLine($"{Clock.Elapsed.TotalSeconds:0.0} s: {kind} arrived");
        return arrived;
    }

    public async ValueTask DisposeAsync()
    {
        await Hosts.DisposeAsync();
        await Smtp.DisposeAsync();
        await Redis.DisposeAsync();
    }
}
