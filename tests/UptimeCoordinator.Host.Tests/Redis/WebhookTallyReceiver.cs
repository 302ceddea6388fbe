using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace UptimeCoordinator.Host.Tests.Redis;

/// <summary>
/// A webhook receiver on 127.0.0.1 for high volume: it keeps no bodies, only how often each
/// <c>webhook-id</c> arrived, at which path, when first, and whether every signature was right.
/// Contacts post to <c>/hooks/{clientId}/{contactId}</c>; the secret of each is
/// <see cref="SecretFor"/>, so the receiver checks signatures without being told them.
/// Every request is answered 200 at once.
/// </summary>
internal sealed class WebhookTallyReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Tally> _byId = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _anomalies = new();
    private readonly Stopwatch _clock;
    private int _requests;

    private WebhookTallyReceiver(Stopwatch clock)
    {
        _clock = clock;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.MapPost("/hooks/{clientId}/{contactId}", ReceiveAsync);
    }

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Every request, repeats included.</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>Distinct webhook ids seen.</summary>
    public int DistinctIds => _byId.Count;

    /// <summary>Requests that lacked a webhook id, were signed wrongly or came to another contact's path.</summary>
    public IReadOnlyList<string> Anomalies => [.. _anomalies];

    /// <summary>Starts the receiver; arrival times are read off <paramref name="clock"/>.</summary>
    public static async Task<WebhookTallyReceiver> StartAsync(Stopwatch clock)
    {
        var receiver = new WebhookTallyReceiver(clock);
        await receiver._app.StartAsync();
        receiver.BaseUrl = new Uri(receiver._app.Urls.Single());
        return receiver;
    }

    public static string SecretFor(string clientId, string contactId) => $"tally-secret-{clientId}-{contactId}";

    public Uri UrlFor(string clientId, string contactId) => new(BaseUrl, $"/hooks/{clientId}/{contactId}");

    /// <summary>How often <paramref name="webhookId"/> arrived, and when first; null if never.</summary>
    public (int Count, TimeSpan FirstAt, string ClientId, string ContactId)? Arrivals(string webhookId) =>
        _byId.TryGetValue(webhookId, out var tally) ? (tally.Count, tally.FirstAt, tally.ClientId, tally.ContactId) : null;

    /// <summary>Every webhook id with its arrivals.</summary>
    public IReadOnlyDictionary<string, int> Counts() => _byId.ToDictionary(p => p.Key, p => p.Value.Count, StringComparer.Ordinal);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task ReceiveAsync(HttpContext context, string clientId, string contactId)
    {
        Interlocked.Increment(ref _requests);
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        var headers = context.Request.Headers;
        var id = headers["webhook-id"].ToString();
        if (id.Length == 0)
        {
            _anomalies.Enqueue($"no webhook-id on a post to {context.Request.Path}");
        }
        else
        {
            var tally = _byId.GetOrAdd(id, _ => new Tally(_clock.Elapsed, clientId, contactId));
            Interlocked.Increment(ref tally.Count);
            if (tally.ClientId != clientId || tally.ContactId != contactId || !id.Contains($":{clientId}:{contactId}:", StringComparison.Ordinal))
            {
                _anomalies.Enqueue($"{id} arrived at {context.Request.Path}");
            }

            if (!Verify(id, headers["webhook-timestamp"].ToString(), headers["webhook-signature"].ToString(), body.ToArray(), SecretFor(clientId, contactId)))
            {
                _anomalies.Enqueue($"{id} at {context.Request.Path} is not signed with the contact's secret");
            }
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
    }

    // Standard Webhooks, from the specification: HMAC-SHA256 over "{id}.{timestamp}.{body}", a plain secret's UTF-8 bytes as the key.
    private static bool Verify(string id, string timestamp, string signatures, byte[] body, string secret)
    {
        byte[] signed = [.. Encoding.UTF8.GetBytes($"{id}.{timestamp}."), .. body];
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed);
        foreach (var candidate in signatures.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (candidate.Split(',', 2) is ["v1", var encoded] && CryptographicOperations.FixedTimeEquals(Convert.FromBase64String(encoded), expected))
            {
                return true;
            }
        }

        return false;
    }

    private sealed class Tally(TimeSpan firstAt, string clientId, string contactId)
    {
        public int Count;

        public TimeSpan FirstAt { get; } = firstAt;

        public string ClientId { get; } = clientId;

        public string ContactId { get; } = contactId;
    }
}
