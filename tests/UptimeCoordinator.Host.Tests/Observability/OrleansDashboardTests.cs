using System.Net;
using UptimeCoordinator.Host.Tests.Http;

namespace UptimeCoordinator.Host.Tests.Observability;

/// <summary>The Orleans dashboard at <c>/dashboard</c>: for ops keys only, and gone when configured off.</summary>
[Collection(SharedCoordinatorCollection.Name)]
public sealed class OrleansDashboardTests(CoordinatorFixture fixture)
{
    [Fact]
    public async Task OnlyAnOpsKeyOpensTheDashboard()
    {
        // "/dashboard" itself redirects to "/dashboard/", where the page is.
        using var anonymous = await fixture.Api.Anonymous.GetAsync("/dashboard/");
        using var client = await fixture.Api.Client.GetAsync("/dashboard/");
        using var monitor = await fixture.Api.Monitor.GetAsync("/dashboard/");
        using var ops = await fixture.Api.Ops.GetAsync("/dashboard/");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, client.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, monitor.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ops.StatusCode);
        Assert.Contains("html", await ops.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task DashboardEnabledFalseTakesItAway()
    {
        await using var app = new CoordinatorApp(settings: new Dictionary<string, string> { ["Dashboard:Enabled"] = "false" });
        using var api = new CoordinatorClient(app);
        await api.WaitUntilReadyAsync();

        using var ops = await api.Ops.GetAsync("/dashboard");

        Assert.Equal(HttpStatusCode.NotFound, ops.StatusCode);
    }
}
