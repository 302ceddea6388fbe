using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace UptimeCoordinator.Host.Tests.Redis;

/// <summary>
/// A webhook receiver that comes up late on a port chosen in advance, so that a contact's URL can
/// point at it while nothing listens there yet (the shared WebhookReceiver binds a port of its own
/// choosing when it starts). It answers every POST with 200 and records each request's
/// <c>webhook-id</c> and notice kind.
/// </summary>
internal sealed class ClusterRestartWebhookTarget : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(string? Id, string? Kind)> _received = new();

    private ClusterRestartWebhookTarget(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        _app = builder.Build();
        _app.MapPost("/{**path}", async context =>
        {
            using var body = new StreamReader(context.Request.Body);
            using var json = System.Text.Json.JsonDocument.Parse(await body.ReadToEndAsync(context.RequestAborted));
            var kind = json.RootElement.TryGetProperty("type", out var type) ? type.GetString() : null;
            _received.Enqueue((context.Request.Headers["webhook-id"].ToString(), kind));
            context.Response.StatusCode = StatusCodes.Status200OK;
        });
    }

    /// <summary>The <c>webhook-id</c> and <c>type</c> of every request, in order of arrival.</summary>
    public IReadOnlyList<(string? Id, string? Kind)> Received => [.. _received];

    /// <summary>The URL of a webhook at <paramref name="port"/>, whether or not anything listens there yet.</summary>
    public static Uri UrlAt(int port) => new($"http://127.0.0.1:{port}/hooks/cluster-restart");

    public static async Task<ClusterRestartWebhookTarget> StartAsync(int port)
    {
        var target = new ClusterRestartWebhookTarget(port);
        await target._app.StartAsync();
        return target;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
