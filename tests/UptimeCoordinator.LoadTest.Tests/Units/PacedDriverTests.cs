using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using UptimeCoordinator.LoadTest.Driving;
using UptimeCoordinator.LoadTest.Processes;

namespace UptimeCoordinator.LoadTest.Tests.Units;

/// <summary>
/// The built-in driver (<c>--rate</c>) sends at the rate asked, open loop, counts what is not
/// answered 2xx, and sends the bodies in turn. Bounds are loose: this is about what it sends, not
/// how fast the machine is.
/// </summary>
public sealed class PacedDriverTests
{
    [Fact]
    public async Task AtARateItSendsAboutThatManyRequestsAndCountsNoneFailedWhenAllAre2xx()
    {
        var bodies = new List<string>();
        await using var server = await StartAsync(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            lock (bodies)
            {
                bodies.Add(body);
            }

            context.Response.StatusCode = StatusCodes.Status202Accepted;
        });
        using var http = new HttpClient();

        var result = await PacedDriver.RunAsync(http, server.Url, ["a", "b", "c"], rate: 100, TimeSpan.FromSeconds(1), concurrency: 8, _ => { });

        Assert.Equal(0, result.Failed);
        // At most the rate allows (as fast as possible would be thousands); at least a fair share of it on a busy machine.
        Assert.InRange(result.Requests, 30, 110);
        Assert.Equal(result.Requests, bodies.Count);
        // The bodies go in turn, so each is sent as often as the others, give or take one.
        var counts = bodies.CountBy(b => b).ToDictionary(c => c.Key, c => c.Value);
        Assert.Equal(["a", "b", "c"], counts.Keys.Order(StringComparer.Ordinal));
        Assert.InRange(counts.Values.Max() - counts.Values.Min(), 0, 1);
        Assert.Equal("paced 100/s", result.Driver);
    }

    [Fact]
    public async Task AnswersThatAreNot2xxAreCountedAsFailed()
    {
        await using var server = await StartAsync(context =>
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return Task.CompletedTask;
        });
        using var http = new HttpClient();

        var result = await PacedDriver.RunAsync(http, server.Url, ["x"], rate: 50, TimeSpan.FromSeconds(0.5), concurrency: 4, _ => { });

        Assert.True(result.Requests > 0);
        Assert.Equal(result.Requests, result.Failed);
    }

    private static async Task<Server> StartAsync(RequestDelegate handle)
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        app.Run(handle);
        await app.StartAsync();
        return new Server(app, new Uri($"http://127.0.0.1:{port}/events"));
    }

    private sealed record Server(WebApplication App, Uri Url) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await App.DisposeAsync();
    }
}
