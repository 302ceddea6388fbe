using System.Net;

namespace UptimeCoordinator.Host.Tests.Http;

/// <summary>
/// Outside Development the host refuses to start without API keys, or with a role it does not
/// know; demo keys exist only in Development (DESIGN.md §4).
/// </summary>
public sealed class StartupTests
{
    [Fact]
    public async Task ProductionWithoutApiKeysRefusesToStart()
    {
        await using var app = new CoordinatorApp("Production", withTestKeys: false);

        var failure = Record.Exception(() => app.CreateClient());

        Assert.NotNull(failure);
        Assert.Contains("Auth:ApiKeys", Messages(failure), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Development")]
    public async Task KeyWithUnknownRoleRefusesToStart(string environment)
    {
        await using var app = new CoordinatorApp(environment, new Dictionary<string, string> { ["Auth:ApiKeys:root-key"] = "admin" });

        var failure = Record.Exception(() => app.CreateClient());

        Assert.NotNull(failure);
        var messages = Messages(failure);
        Assert.Contains("Auth:ApiKeys", messages, StringComparison.Ordinal);
        Assert.Contains("'admin'", messages, StringComparison.Ordinal);
        Assert.DoesNotContain("root-key", messages, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProductionWithApiKeysStartsAndDoesNotAcceptDemoKeys()
    {
        await using var app = new CoordinatorApp("Production");
        using var api = new CoordinatorClient(app);
        using var demo = app.ClientWith(ApiKeys.DemoOps);

        using var withKey = await api.Ops.GetAsync("/api/v1/services");
        using var withDemoKey = await demo.GetAsync("/api/v1/services");

        Assert.Equal(HttpStatusCode.OK, withKey.StatusCode);
        await Problem.AssertAsync(withDemoKey, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task DevelopmentShipsTheDemoKeys()
    {
        await using var app = new CoordinatorApp("Development", withTestKeys: false);
        using var demo = app.ClientWith(ApiKeys.DemoOps);

        using var response = await demo.GetAsync("/api/v1/services");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    // Durations are parsed from configuration lazily; without validation at start a typo would let the
    // host report ready and then answer 500 to every outage event.
    [Fact]
    public async Task InvalidReopenWindowRefusesToStart()
    {
        await using var app = new CoordinatorApp(settings: new Dictionary<string, string> { ["Incidents:ReopenWindow"] = "fifteen minutes" });

        var failure = Record.Exception(() => app.CreateClient());

        Assert.NotNull(failure);
        Assert.Contains("Incidents:ReopenWindow", Messages(failure), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ANegativeRateLimitRefusesToStart()
    {
        await using var app = new CoordinatorApp(settings: new Dictionary<string, string> { ["RateLimiting:ClientPerSecond"] = "-1" });

        var failure = Record.Exception(() => app.CreateClient());

        Assert.NotNull(failure);
        Assert.Contains("RateLimiting:", Messages(failure), StringComparison.Ordinal);
    }

    private static string Messages(Exception exception)
    {
        var messages = new List<string>();
        var pending = new Stack<Exception>([exception]);
        while (pending.TryPop(out var current))
        {
            messages.Add(current.Message);
            if (current is AggregateException aggregate)
            {
                aggregate.InnerExceptions.ToList().ForEach(pending.Push);
            }
            else if (current.InnerException is { } inner)
            {
                pending.Push(inner);
            }
        }

        return string.Join(Environment.NewLine, messages);
    }
}
