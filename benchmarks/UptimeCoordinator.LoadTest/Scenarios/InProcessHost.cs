using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using UptimeCoordinator.LoadTest.Processes;

namespace UptimeCoordinator.LoadTest.Scenarios;

/// <summary>
/// The real host inside this process, embedded, so that its heap can be measured with
/// <see cref="GC.GetTotalMemory(bool)"/> after full collections: the only way to count bytes per
/// activation without a heap dump.
/// </summary>
internal sealed class InProcessHost : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // The host's files (appsettings.json, the pages) are copied next to this tool's binaries.
        builder.UseContentRoot(AppContext.BaseDirectory);
        builder.UseEnvironment("Production");
        builder.UseSetting("Orleans:SiloPort", FreePort.Next().ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Orleans:GatewayPort", FreePort.Next().ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Orleans:ClusterId", $"loadtest-memory-{Guid.NewGuid():N}");
        foreach (var (key, value) in CoordinatorProcess.BaseSettings(redis: null).Where(s => s.Value.Length > 0))
        {
            builder.UseSetting(key, value);
        }
    }
}
