using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using UptimeCoordinator.Host.Tests.Demo;
using UptimeCoordinator.Host.Tests.Http;

namespace UptimeCoordinator.Host.Tests.Security;

/// <summary>
/// The matrix's demo-only rows: demo mode maps exactly these beyond <see cref="TenantIsolationMatrix.Rows"/>,
/// and each answers as its row says.
/// </summary>
public sealed class TenantIsolationDemoEndpointsTests
{
    [Fact]
    public async Task DemoModeMapsExactlyTheDemoRowsMoreAndTheyAnswerAsListed()
    {
        await using var app = new CoordinatorApp(settings: DemoSettings.Quiet());
        using var api = new CoordinatorClient(app);
        await app.WaitUntilSeededAsync();

        var mapped = app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(m => $"{m} {e.RoutePattern.RawText}"))
            .Except(TenantIsolationMatrix.Rows.Select(r => r.Name), StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        var listed = TenantIsolationMatrix.DemoRows.Select(r => r.Name).Order(StringComparer.Ordinal).ToList();
        Assert.True(listed.SequenceEqual(mapped), $"demo mode maps beyond the matrix:\n{string.Join('\n', mapped)}\nbut DemoRows lists:\n{string.Join('\n', listed)}");

        foreach (var (row, caller, client) in TenantIsolationMatrix.DemoRows.SelectMany(r => new[]
        {
            (r, Caller.Anonymous, api.Anonymous), (r, Caller.Acme, api.Client), (r, Caller.Monitor, api.Monitor),
        }))
        {
            using var request = row.Request(null!, caller);
            using var response = await client.SendAsync(request);
            var expected = row.For(caller);
            Assert.True(expected.Status == response.StatusCode, $"{caller} {row.Name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            if (expected.Answer == Answer.Problem)
            {
                await Problem.AssertAsync(response, expected.Status);
            }
        }
    }
}
