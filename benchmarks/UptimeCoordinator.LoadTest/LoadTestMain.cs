namespace UptimeCoordinator.LoadTest;

/// <summary>
/// <c>dotnet run -c Release --project benchmarks/UptimeCoordinator.LoadTest -- [--quick] [options]</c>.
/// A named entry point rather than top-level statements: the host's <c>Program</c> is referenced too.
/// </summary>
internal static class LoadTestMain
{
    public static async Task<int> Main(string[] args)
    {
        LoadOptions options;
        try
        {
            options = LoadOptions.Parse(args);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 2;
        }

        try
        {
            var (report, paths) = await new LoadRun(options).RunAsync();
            Progress.Say($"report: {string.Join(", ", paths)}");
            foreach (var check in report.Targets)
            {
                Progress.Say($"{(check.Met ? "met   " : "MISSED")} {check.Target}: {check.Measured}");
            }

            return 0;
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or HttpRequestException)
        {
            await Console.Error.WriteLineAsync($"load test failed: {ex}");
            return 1;
        }
    }
}
