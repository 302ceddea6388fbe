using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace UptimeCoordinator.Host.Tests.Redis;

/// <summary>One answer to a health event (or its absence), as the monitor saw it.</summary>
internal sealed record SiloLossAnswer(
    string Host,
    string ServiceId,
    string EventId,
    string Status,
    TimeSpan SentAt,
    TimeSpan Latency,
    int? StatusCode,
    string? RetryAfter,
    string? Body,
    string? TransportError)
{
    public bool IsSuccess => StatusCode is >= 200 and < 300;

    public TimeSpan AnsweredAt => SentAt + Latency;
}

/// <summary>
/// A monitor posting <c>down</c> and <c>up</c> events for a few services, round-robin over every
/// host, and recording each answer. Each lane owns its services and sends one event at a time, so
/// the events of one service are ordered, and each carries its own <c>observedAt</c>: an answer lost
/// with a host leaves the outcome of that one event open, never the order.
/// </summary>
internal sealed class SiloLossEventLoop : IAsyncDisposable
{
    /// <summary>Longer than any grain call may take (Orleans' response timeout is 30 s): a request still open then hangs.</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(40);

    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(100);

    private readonly (string Name, HttpClient Client)[] _hosts;
    private readonly string[][] _lanes;
    private readonly Stopwatch _clock;
    private readonly string _run;
    private readonly ConcurrentQueue<SiloLossAnswer> _answers = new();
    private readonly ConcurrentDictionary<string, (string Status, string EventId, DateTimeOffset ObservedAt)> _last = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private Task _running = Task.CompletedTask;
    private int _sequence;

    /// <param name="lanes">The services of each lane; every service in exactly one.</param>
    public SiloLossEventLoop(IEnumerable<HostProcess> hosts, string apiKey, string[][] lanes, Stopwatch clock, string run)
    {
        _hosts = [.. hosts.Select(h => (h.Name, Client(h, apiKey)))];
        _lanes = lanes;
        _clock = clock;
        _run = run;
    }

    public IReadOnlyList<SiloLossAnswer> Answers => [.. _answers.OrderBy(a => a.SentAt)];

    public IEnumerable<string> ServiceIds => _lanes.SelectMany(l => l);

    public void Start() => _running = Task.WhenAll(_lanes.Select((services, lane) => Task.Run(() => RunLaneAsync(lane, services))));

    /// <summary>Stops sending and waits for the answers in flight.</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await _running;
    }

    /// <summary>
    /// Sends each service's last event again, with its id and time, to <paramref name="host"/> until
    /// one answer is a 2xx, so that every service's final status is known: the duplicate is either
    /// ignored or is the event's first arrival.
    /// </summary>
    public async Task SettleAsync(string host, TimeSpan timeout)
    {
        var index = Array.FindIndex(_hosts, h => h.Name == host);
        foreach (var serviceId in ServiceIds)
        {
            var deadline = Stopwatch.StartNew();
            while (_last.TryGetValue(serviceId, out var last) && LastAnswer(serviceId) is not { IsSuccess: true })
            {
                Assert.True(deadline.Elapsed < timeout, $"{serviceId}: event {last.EventId} was not accepted by host {host} within {timeout.TotalSeconds:0} s");
                await SendAsync(index, serviceId, last.Status, last.EventId, last.ObservedAt, CancellationToken.None);
                if (LastAnswer(serviceId) is not { IsSuccess: true })
                {
                    await Task.Delay(TimeSpan.FromSeconds(1));
                }
            }
        }
    }

    /// <summary>The status of the last event of <paramref name="serviceId"/> answered 2xx, if any.</summary>
    public string? LastAccepted(string serviceId) =>
        _answers.Where(a => a.ServiceId == serviceId && a.IsSuccess).MaxBy(a => a.SentAt)?.Status;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
        foreach (var (_, client) in _hosts)
        {
            client.Dispose();
        }
    }

    private SiloLossAnswer? LastAnswer(string serviceId) => _answers.Where(a => a.ServiceId == serviceId).MaxBy(a => a.SentAt);

    private async Task RunLaneAsync(int lane, string[] services)
    {
        var round = 0;
        while (!_stop.IsCancellationRequested)
        {
            var serviceId = services[round % services.Length];
            var status = round / services.Length % 2 == 0 ? "down" : "up";
            var host = (lane + round) % _hosts.Length;
            var eventId = $"{serviceId}-{status}-{Interlocked.Increment(ref _sequence)}-{_run}";
            var observedAt = DateTimeOffset.UtcNow;
            _last[serviceId] = (status, eventId, observedAt);
            await SendAsync(host, serviceId, status, eventId, observedAt, CancellationToken.None);
            round++;
            try
            {
                await Task.Delay(Pause, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task SendAsync(int host, string serviceId, string status, string eventId, DateTimeOffset observedAt, CancellationToken cancellationToken)
    {
        var (name, client) = _hosts[host];
        var body = JsonSerializer.Serialize(new { serviceId, status, check = "http", source = "silo-loss-test", eventId, observedAt });
        var sentAt = _clock.Elapsed;
        var latency = Stopwatch.StartNew();
        try
        {
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            using var response = await client.PostAsync(new Uri("api/v1/events", UriKind.Relative), content, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            var code = (int)response.StatusCode;
            _answers.Enqueue(new SiloLossAnswer(
                name, serviceId, eventId, status, sentAt, latency.Elapsed, code,
                response.Headers.RetryAfter?.ToString(), code >= 300 ? text : null, null));
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            var error = ex is TaskCanceledException ? $"no answer within {RequestTimeout.TotalSeconds:0} s" : $"{ex.GetType().Name}: {ex.Message}";
            _answers.Enqueue(new SiloLossAnswer(name, serviceId, eventId, status, sentAt, latency.Elapsed, null, null, null, error));
        }
    }

    private static HttpClient Client(HostProcess host, string apiKey)
    {
        var client = new HttpClient { BaseAddress = host.Client.BaseAddress, Timeout = RequestTimeout };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        return client;
    }
}
