using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;

namespace UptimeCoordinator.Host.Tests.Redis;

/// <summary>Where the Redis restart test stands when a write is sent.</summary>
internal enum RedisRestartPhase
{
    RedisUp,
    RedisDown,
    RedisRestarting,
    HostsReadyAgain,
    Retrying,
}

/// <summary>One answered (or unanswered, <see cref="Status"/> 0) write.</summary>
internal sealed record RedisRestartWrite(
    string Kind,
    int Item,
    string Host,
    RedisRestartPhase Phase,
    int Status,
    TimeSpan Latency,
    bool HasRetryAfter,
    string? MediaType,
    string? Error)
{
    public bool Succeeded => Status is >= 200 and < 300;
}

/// <summary>
/// A stream of distinct writes to the hosts of the Redis restart test. Item <c>n</c> is three writes,
/// each only once the one before it succeeded: the service <c>svc-n</c> created, a <c>down</c> event
/// on it (which opens its incident) and the client <c>client-n</c>, subscribed to it. Every answer is
/// recorded with the phase the test was in when the write was sent.
/// </summary>
internal sealed class RedisRestartWriter(string run)
{
    public const string CreateService = "PUT service";
    public const string ServiceDown = "POST down event";
    public const string DefineClient = "PUT client";

    private readonly ConcurrentQueue<RedisRestartWrite> _writes = new();
    private int _nextItem;
    private volatile RedisRestartPhase _phase = RedisRestartPhase.RedisUp;

    public RedisRestartPhase Phase
    {
        get => _phase;
        set => _phase = value;
    }

    public IReadOnlyList<RedisRestartWrite> Writes => [.. _writes];

    public string ServiceId(int item) => $"svc-{run}-{item}";

    public string ClientId(int item) => $"client-{run}-{item}";

    public string EventId(int item) => $"down-{run}-{item}";

    /// <summary>Writes items one after another to <paramref name="host"/> until <paramref name="stop"/> is cancelled.</summary>
    public async Task RunAsync(HostProcess host, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            await WriteItemAsync(host, Interlocked.Increment(ref _nextItem), firstStep: 0);
        }
    }

    /// <summary>Sends item <paramref name="item"/>'s writes from step <paramref name="firstStep"/> on; returns how many succeeded.</summary>
    public async Task WriteItemAsync(HostProcess host, int item, int firstStep)
    {
        for (var step = firstStep; step < 3; step++)
        {
            var (kind, method, path, body) = step switch
            {
                0 => (CreateService, HttpMethod.Put, $"api/v1/services/{ServiceId(item)}", (object)new { name = $"Service {item}" }),
                1 => (ServiceDown, HttpMethod.Post, "api/v1/events",
                    new { serviceId = ServiceId(item), status = "down", check = "http", source = "redis-restart-test", eventId = EventId(item) }),
                _ => (DefineClient, HttpMethod.Put, $"api/v1/clients/{ClientId(item)}",
                    new { name = $"Client {item}", timeZone = "Etc/UTC", subscriptions = new[] { new { serviceId = ServiceId(item) } } }),
            };
            if (!(await SendAsync(host, kind, item, method, path, body)).Succeeded)
            {
                return;
            }
        }
    }

    /// <summary>The step (0 to 2) at which <paramref name="item"/> stopped, or 3 when all of it succeeded.</summary>
    public int StepsDone(int item) => Writes.Where(w => w.Item == item).Max(w => w.Succeeded ? StepOf(w.Kind) + 1 : StepOf(w.Kind));

    public IEnumerable<int> Items => Writes.Select(w => w.Item).Distinct().Order();

    public static int StepOf(string kind) => kind switch
    {
        CreateService => 0,
        ServiceDown => 1,
        _ => 2,
    };

    private async Task<RedisRestartWrite> SendAsync(HostProcess host, string kind, int item, HttpMethod method, string path, object body)
    {
        var phase = _phase;
        var clock = Stopwatch.StartNew();
        RedisRestartWrite write;
        try
        {
            using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative))
            {
                Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"),
            };
            using var response = await host.Client.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            write = new RedisRestartWrite(kind, item, host.Name, phase, (int)response.StatusCode, clock.Elapsed,
                response.Headers.RetryAfter is not null, response.Content.Headers.ContentType?.MediaType,
                response.StatusCode is >= HttpStatusCode.OK and < HttpStatusCode.MultipleChoices ? null : text);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            write = new RedisRestartWrite(kind, item, host.Name, phase, 0, clock.Elapsed, false, null, $"{ex.GetType().Name}: {ex.Message}");
        }

        _writes.Enqueue(write);
        return write;
    }
}
