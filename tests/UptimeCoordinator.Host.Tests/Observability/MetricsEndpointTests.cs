using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using UptimeCoordinator.Host.Tests.Http;
using UptimeCoordinator.Host.Tests.Infrastructure;

namespace UptimeCoordinator.Host.Tests.Observability;

/// <summary>
/// <c>GET /metrics</c>: Prometheus text, open to scrapers without a key, with the product's own
/// metrics moving as events flow, and clean under <c>promtool check metrics</c>.
/// </summary>
[Collection(SharedCoordinatorCollection.Name)]
public sealed partial class MetricsEndpointTests(CoordinatorFixture fixture)
{
    private CoordinatorClient Api => fixture.Api;

    [Fact]
    public async Task IngestedEventsCountBySourceAndStatus()
    {
        var service = TestIds.Unique("metered");
        await Api.CreateServiceAsync(service);
        var source = $"probe-{Guid.NewGuid():N}"[..20];

        await Api.RecordAsync(new EventBody(service, "down", TestTime.Now, source, "http"));
        await Api.RecordAsync(new EventBody(service, "down", TestTime.Now.AddSeconds(1), source, "http"), new EventBody(service, "up", TestTime.Now.AddSeconds(2), source, "http"));

        // Every sample is taken at the scrape: no cache stands between an event and the next scrape.
        var scrape = await ScrapeAsync();
        Assert.Equal(2, Sample(scrape, "uptime_events_ingested_total", source, "down"));
        Assert.Equal(1, Sample(scrape, "uptime_events_ingested_total", source, "up"));
        Assert.Contains("# HELP uptime_events_ingested_total ", scrape, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheProductsOwnMetricsPassPromtool()
    {
        var promtool = ExternalProgram.RequireOnPath("promtool", "the /metrics lint test");
        var service = TestIds.Unique("linted");
        await Api.CreateServiceAsync(service);
        await Api.RecordAsync(new EventBody(service, "down", TestTime.Now, "promtool-test", "http"));
        var scrape = await ScrapeAsync();

        var (exitCode, findings) = await RunAsync(promtool, ["check", "metrics"], scrape);

        // Orleans' and the runtime's own instruments have findings (milliseconds, no help) that are not ours to fix.
        var ours = findings.Split('\n').Where(line => line.Contains("uptime_", StringComparison.Ordinal)).ToList();
        Assert.True(ours.Count == 0, $"promtool (exit {exitCode}) finds fault with the product's metrics:\n{string.Join('\n', ours)}");
        Assert.Contains("uptime_events_ingested_total", scrape, StringComparison.Ordinal);
    }

    private async Task<string> ScrapeAsync()
    {
        using var response = await Api.Anonymous.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        return await response.Content.ReadAsStringAsync();
    }

    private static double Sample(string scrape, string metric, string source, string status)
    {
        var line = scrape.Split('\n').SingleOrDefault(l =>
            l.StartsWith(metric + "{", StringComparison.Ordinal) && l.Contains($"source=\"{source}\"", StringComparison.Ordinal)
            && l.Contains($"status=\"{status}\"", StringComparison.Ordinal));
        Assert.True(line is not null, $"no sample of {metric} for source {source}, status {status}");
        return double.Parse(ValueRegex().Match(line).Groups[1].Value, CultureInfo.InvariantCulture);
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string executable, string[] arguments, string input)
    {
        var start = new System.Diagnostics.ProcessStartInfo(executable)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }

    [GeneratedRegex(@"\}\s+([0-9.eE+-]+)")]
    private static partial Regex ValueRegex();
}
