using Microsoft.Playwright;
using UptimeCoordinator.Web.Tests.Infrastructure;

namespace UptimeCoordinator.Web.Tests.OpsConsole;

/// <summary>
/// A host of its own whose dispatcher gives up on a notice after two quick attempts, so that a failed
/// delivery takes a fraction of a second instead of the default minute of backoff, and few enough
/// failures reach one endpoint that its circuit stays closed for the retry.
/// </summary>
public sealed class FastDeliveryFixture : IAsyncLifetime
{
    public WebHostApp Host { get; } = new(new Dictionary<string, string>
    {
        ["Notifications:Delivery:MaxAttempts"] = "2",
        ["Notifications:Delivery:FirstRetryDelay"] = "PT0.05S",
        ["Notifications:Webhooks:AllowPrivateNetworks"] = "true",
    });

    public WebApi Api { get; private set; } = null!;

    public Chromium Chromium { get; } = new();

    public async Task InitializeAsync()
    {
        Host.StartServer();
        Api = new WebApi(Host);
        await Api.WaitUntilReadyAsync();
        await Chromium.LaunchAsync();
        Assertions.SetDefaultExpectTimeout((float)WebFixture.Patience.TotalMilliseconds);
    }

    public async Task<IBrowserContext> NewContextAsync()
    {
        var context = await Chromium.Browser.NewContextAsync(new() { BaseURL = Host.BaseUrl.ToString(), Locale = "en-GB", ViewportSize = new() { Width = 1280, Height = 900 } });
        context.SetDefaultTimeout((float)WebFixture.Patience.TotalMilliseconds);
        return context;
    }

    public async Task DisposeAsync()
    {
        await Chromium.DisposeAsync();
        Api?.Dispose();
        await Host.DisposeAsync();
    }
}
