using Microsoft.Extensions.DependencyInjection;
using UptimeCoordinator.Host.Demo;
using UptimeCoordinator.Host.Tests.Http;

namespace UptimeCoordinator.Host.Tests.Demo;

/// <summary>Waits for demo mode's start-up seeding, which runs after the host has started.</summary>
internal static class DemoApp
{
    public static async Task WaitUntilSeededAsync(this CoordinatorApp app)
    {
        using var start = app.CreateClient();
        var seeded = await app.Services.GetRequiredService<DemoSeedSignal>().Seeded.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(seeded, "demo mode gave up seeding; its log says why");
    }
}
