using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace UptimeCoordinator.LoadTest.Receiving;

/// <summary>
/// The contacts' end: a Kestrel server on loopback that takes the coordinator's webhooks at
/// <c>/hooks/{scenario}/{client}/{contact}</c> and Alertmanager's at <c>/am/{scenario}</c>, answers
/// 204 at once and notes the arrival time. It reads only what it needs of a body: the coordinator's
/// envelope begins with its type.
/// </summary>
internal sealed class DeliveryReceiver : IAsyncDisposable
{
    private static readonly byte[] TypePrefix = "{\"type\":\""u8.ToArray();

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, ScenarioInbox> _inboxes = new(StringComparer.Ordinal);

    private DeliveryReceiver(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public static async Task<DeliveryReceiver> StartAsync()
    {
        var port = Processes.FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var receiver = new DeliveryReceiver(app, new Uri($"http://127.0.0.1:{port}"));
        app.MapPost("/hooks/{scenario}/{client}/{contact}", receiver.OnWebhookAsync);
        app.MapPost("/am/{scenario}", receiver.OnAlertmanagerAsync);
        await app.StartAsync();
        return receiver;
    }

    /// <summary>A fresh inbox for <paramref name="scenario"/>: what arrived for it before is forgotten.</summary>
    public ScenarioInbox Open(string scenario)
    {
        var inbox = new ScenarioInbox();
        _inboxes[scenario] = inbox;
        return inbox;
    }

    public Uri WebhookUrl(string scenario, string client, string contact) => new(BaseAddress, $"/hooks/{scenario}/{client}/{contact}");

    public Uri AlertmanagerUrl(string scenario) => new(BaseAddress, $"/am/{scenario}");

    private async Task<IResult> OnWebhookAsync(HttpContext context, string scenario, string client, string contact)
    {
        var at = Stopwatch.GetTimestamp();
        var body = await ReadAsync(context.Request);
        var id = context.Request.Headers["webhook-id"].ToString();
        if (_inboxes.TryGetValue(scenario, out var inbox))
        {
            inbox.Record(new Arrival(scenario, $"{client}/{contact}", id, TypeOf(body), null, at));
        }

        return Results.NoContent();
    }

    private async Task<IResult> OnAlertmanagerAsync(HttpContext context, string scenario)
    {
        var at = Stopwatch.GetTimestamp();
        var body = await ReadAsync(context.Request);
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        var service = root.TryGetProperty("groupLabels", out var labels) && labels.TryGetProperty("service", out var s) ? s.GetString() : null;
        var id = $"{root.GetProperty("groupKey").GetString()}#{root.GetProperty("alerts").GetArrayLength()}#{at}";
        if (_inboxes.TryGetValue(scenario, out var inbox))
        {
            inbox.Record(new Arrival(scenario, "alertmanager", id, root.GetProperty("status").GetString() ?? "", service, at));
        }

        return Results.NoContent();
    }

    private static async Task<byte[]> ReadAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    internal static string TypeOf(ReadOnlySpan<byte> body)
    {
        if (!body.StartsWith(TypePrefix))
        {
            return "";
        }

        var rest = body[TypePrefix.Length..];
        var end = rest.IndexOf((byte)'"');
        return end < 0 ? "" : Encoding.UTF8.GetString(rest[..end]);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
