using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using UptimeCoordinator.Host.Demo;
using UptimeCoordinator.Host.Tests.Http;

namespace UptimeCoordinator.Host.Tests.Demo;

/// <summary>Demo mode is off unless asked for, and refused where it could reach real clients.</summary>
public sealed class DemoModeStartupTests
{
    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public async Task DemoModeOutsideDevelopmentRefusesToStart(string environment)
    {
        await using var app = new CoordinatorApp(environment, new Dictionary<string, string> { ["Demo:Enabled"] = "true" });

        var failure = Record.Exception(() => app.CreateClient());

        Assert.NotNull(failure);
        var messages = Messages(failure);
        Assert.Contains("Demo mode", messages, StringComparison.Ordinal);
        Assert.Contains($"runs only in the Development environment, and this one is '{environment}'", messages, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnreadableDemoDurationRefusesToStart()
    {
        await using var app = new CoordinatorApp(settings: new Dictionary<string, string> { ["Demo:Enabled"] = "true", ["Demo:OutageDuration"] = "three minutes" });

        var failure = Record.Exception(() => app.CreateClient());

        Assert.NotNull(failure);
        Assert.Contains("'Demo:OutageDuration' must be an ISO 8601 duration", Messages(failure), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProductionWithDemoSwitchedOffStarts()
    {
        await using var app = new CoordinatorApp("Production", new Dictionary<string, string> { ["Demo:Enabled"] = "false" });
        using var api = new CoordinatorClient(app);

        using var response = await api.Ops.GetAsync("/api/v1/services");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task DemoModeIsOffByDefault()
    {
        await using var app = new CoordinatorApp();
        using var api = new CoordinatorClient(app);
        await api.WaitUntilReadyAsync();

        using var page = await api.Anonymous.GetAsync("/demo/inbox");
        using var feed = await api.Anonymous.GetAsync("/demo/inbox.json");
        using var webhook = await api.Anonymous.PostAsync("/demo/inbox/acme/ops-bot", Json.Raw("{}"));

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound], new[] { page.StatusCode, feed.StatusCode, webhook.StatusCode });
        Assert.Null(app.Services.GetService<DemoInbox>());
        Assert.DoesNotContain(app.Services.GetServices<IHostedService>(), s => s is DemoSeeding or DemoMonitor);
        Assert.Empty((await api.PagesAsync("/api/v1/services", 100)).SelectMany(p => p));
        Assert.Empty((await api.PagesAsync("/api/v1/clients", 100)).SelectMany(p => p));
    }

    // Options validation at start throws an aggregate of every failure, wrapped by the factory.
    private static string Messages(Exception exception) =>
        exception is AggregateException aggregate
            ? string.Join("\n", aggregate.InnerExceptions.Select(Messages))
            : exception.Message + (exception.InnerException is { } inner ? "\n" + Messages(inner) : "");
}
