using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace UptimeCoordinator.Delivery.Tests.Support;

/// <summary>
/// A real HTTP receiver on 127.0.0.1 that records every request and verifies Standard Webhooks
/// signatures with its own implementation, written from the specification and not from the code under test.
/// </summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedWebhook> _requests = new();
    private readonly ConcurrentDictionary<int, int> _answers = new();
    private int _count;

    private WebhookReceiver(string? secret, int port)
    {
        Secret = secret;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        _app = builder.Build();
        _app.MapPost("/{**path}", ReceiveAsync);
    }

    public string? Secret { get; }

    /// <summary>The status to answer the n-th request (from 1) with; 200 by default.</summary>
    public Func<int, int> StatusFor { get; set; } = _ => StatusCodes.Status200OK;

    /// <summary>How long to sit on the n-th request before answering.</summary>
    public Func<int, TimeSpan> StallFor { get; set; } = _ => TimeSpan.Zero;

    /// <summary>Where a 3xx answer points.</summary>
    public Uri? RedirectTo { get; set; }

    public Uri BaseUrl { get; private set; } = null!;

    public int Port => BaseUrl.Port;

    public IReadOnlyList<ReceivedWebhook> Requests => [.. _requests.OrderBy(r => r.Number)];

    public int Successes => _answers.Values.Count(status => status is >= 200 and < 300);

    /// <param name="port">
    /// A port chosen in advance, so that a contact's URL can point here before anything listens;
    /// 0 (the default) lets the receiver pick a free one.
    /// </param>
    public static async Task<WebhookReceiver> StartAsync(string? secret = null, int port = 0)
    {
        var receiver = new WebhookReceiver(secret, port);
        await receiver._app.StartAsync();
        receiver.BaseUrl = new Uri(receiver._app.Urls.Single());
        return receiver;
    }

    public Uri UrlFor(string pathAndQuery = "/hooks/uptime") => new(BaseUrl, pathAndQuery);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task ReceiveAsync(HttpContext context)
    {
        var number = Interlocked.Increment(ref _count);
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        var headers = context.Request.Headers;
        string? Header(string name) => headers.TryGetValue(name, out var value) ? value.ToString() : null;
        var id = Header("webhook-id");
        var timestamp = Header("webhook-timestamp");
        var signature = Header("webhook-signature");
        _requests.Enqueue(new ReceivedWebhook(
            number,
            context.Request.Path + context.Request.QueryString,
            id,
            timestamp,
            signature,
            context.Request.ContentType,
            body.ToArray(),
            Verify(id, timestamp, signature, body.ToArray())));

        var stall = StallFor(number);
        if (stall > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(stall, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                _answers[number] = 0;
                return;
            }
        }

        var status = StatusFor(number);
        _answers[number] = status;
        context.Response.StatusCode = status;
        if (status is >= 300 and < 400 && RedirectTo is not null)
        {
            context.Response.Headers.Location = RedirectTo.ToString();
        }
    }

    private bool Verify(string? id, string? timestamp, string? signatures, byte[] body)
    {
        if (Secret is null || id is null || timestamp is null || signatures is null)
        {
            return false;
        }

        var key = Secret.StartsWith("whsec_", StringComparison.Ordinal)
            ? Convert.FromBase64String(Secret["whsec_".Length..])
            : Encoding.UTF8.GetBytes(Secret);
        using var hmac = new HMACSHA256(key);
        var expected = hmac.ComputeHash([.. Encoding.UTF8.GetBytes(id + "." + timestamp + "."), .. body]);
        foreach (var candidate in signatures.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = candidate.Split(',', 2);
            if (parts is ["v1", var encoded] && CryptographicOperations.FixedTimeEquals(Convert.FromBase64String(encoded), expected))
            {
                return true;
            }
        }

        return false;
    }
}
