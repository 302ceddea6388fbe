using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace UptimeCoordinator.LoadTest.Driving;

/// <summary>
/// Drives a target as fast as it answers with <c>wrk</c>, the standard HTTP load generator: it costs
/// far less CPU per request than a .NET client would, and this machine's two cores are shared with the
/// server under test. Each of its threads walks the same body file from its own offset.
/// </summary>
internal static partial class WrkDriver
{
    public const string Executable = "wrk";

    // setup runs in the main Lua state, init and request in each thread's own.
    private const string Script = """
        local bodies = {}
        local index = 0
        local threads = 0
        function setup(thread)
          thread:set("tid", threads)
          threads = threads + 1
        end
        function init(args)
          for line in io.lines(args[1]) do bodies[#bodies + 1] = line end
          wrk.method = "POST"
          wrk.headers["Content-Type"] = "application/json"
          if args[2] ~= nil and args[2] ~= "" then wrk.headers["Authorization"] = args[2] end
          index = (tid * 7919) % #bodies
        end
        function request()
          index = index % #bodies + 1
          return wrk.format(nil, nil, nil, bodies[index])
        end
        """;

    public static bool IsAvailable() => Which(Executable) is not null;

    public static async Task<DriveResult> RunAsync(Uri url, IReadOnlyList<string> bodies, string? authorization, TimeSpan duration, int connections, string workDir)
    {
        var bodyFile = Path.Combine(workDir, $"bodies-{Guid.NewGuid():N}.txt");
        var scriptFile = Path.Combine(workDir, "stream.lua");
        await File.WriteAllLinesAsync(bodyFile, bodies);
        await File.WriteAllTextAsync(scriptFile, Script);
        var info = new ProcessStartInfo(Executable) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[]
        {
            "-t2", $"-c{connections.ToString(CultureInfo.InvariantCulture)}", $"-d{duration.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)}s",
            "--latency", "--timeout", "10s", "-s", scriptFile, url.ToString(), "--", bodyFile, authorization ?? "",
        })
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start wrk");
        var output = await process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        File.Delete(bodyFile);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"wrk failed ({process.ExitCode}): {errors}\n{output}");
        }

        return Parse(output);
    }

    /// <summary>Reads wrk's summary: requests and time, non-2xx answers, socket errors, latency percentiles.</summary>
    internal static DriveResult Parse(string output)
    {
        var total = RequestsLine().Match(output);
        if (!total.Success)
        {
            throw new FormatException($"wrk printed no request count:\n{output}");
        }

        var requests = long.Parse(total.Groups["requests"].Value, CultureInfo.InvariantCulture);
        var seconds = Duration(total.Groups["value"].Value, total.Groups["unit"].Value) / 1000;
        var failed = NonSuccess().Match(output) is { Success: true } bad ? long.Parse(bad.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        if (SocketErrors().Match(output) is { Success: true } socket)
        {
            failed += Enumerable.Range(1, 4).Sum(i => long.Parse(socket.Groups[i].Value, CultureInfo.InvariantCulture));
        }

        return new DriveResult("wrk", seconds, requests, failed, requests / seconds, Percentile(output, "50"), Percentile(output, "99"));
    }

    private static double Percentile(string output, string percent) =>
        new Regex($@"^\s+{percent}(\.0+)?%\s+(?<value>[\d.]+)(?<unit>us|ms|s|m)\s*$", RegexOptions.Multiline).Match(output) is { Success: true } m
            ? Duration(m.Groups["value"].Value, m.Groups["unit"].Value)
            : double.NaN;

    // In milliseconds.
    private static double Duration(string value, string unit) => double.Parse(value, CultureInfo.InvariantCulture) * unit switch
    {
        "us" => 0.001,
        "ms" => 1,
        "s" => 1000,
        "m" => 60_000,
        _ => throw new FormatException($"unknown unit '{unit}'"),
    };

    private static string? Which(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(dir => Path.Combine(dir, name)).FirstOrDefault(File.Exists);

    [GeneratedRegex(@"(?<requests>\d+) requests in (?<value>[\d.]+)(?<unit>us|ms|s|m),")]
    private static partial Regex RequestsLine();

    [GeneratedRegex(@"Non-2xx or 3xx responses: (\d+)")]
    private static partial Regex NonSuccess();

    [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")]
    private static partial Regex SocketErrors();
}
