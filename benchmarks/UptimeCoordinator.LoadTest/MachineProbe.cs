using System.Diagnostics;
using System.Runtime.InteropServices;
using UptimeCoordinator.LoadTest.Reporting;

namespace UptimeCoordinator.LoadTest;

/// <summary>What the figures were measured on: the CPU, the runtime and the peers' versions.</summary>
internal static class MachineProbe
{
    public static async Task<MachineInfo> DescribeAsync(bool alertmanager, bool redis, bool wrk) => new(
        RuntimeInformation.OSDescription,
        Cpu(),
        Environment.ProcessorCount,
        RuntimeInformation.FrameworkDescription,
        alertmanager ? await VersionAsync(Processes.AlertmanagerProcess.Executable, "--version") : null,
        redis ? await VersionAsync("redis-server", "--version") : null,
        wrk ? await VersionAsync(Driving.WrkDriver.Executable, "--version") : null);

    private static string Cpu()
    {
        try
        {
            return File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU";
        }
        catch (IOException)
        {
            return "unknown CPU";
        }
    }

    // The first line a tool prints about itself, on either stream.
    private static async Task<string?> VersionAsync(string tool, string argument)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(tool, argument) { RedirectStandardOutput = true, RedirectStandardError = true });
            if (process is null)
            {
                return null;
            }

            var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
