using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using UptimeCoordinator.Delivery.Dispatching;
using UptimeCoordinator.Delivery.Email;
using UptimeCoordinator.Delivery.Tests.Support;
using UptimeCoordinator.Delivery.Webhooks;

namespace UptimeCoordinator.Delivery.Tests.Dispatching;

public sealed class DeliveryOptionsTests
{
    [Theory]
    [InlineData("Notifications:Smtp:From", null, "Notifications:Smtp:From is required")]
    [InlineData("Notifications:Smtp:From", "not an address", "Notifications:Smtp:From must be an email address")]
    [InlineData("Notifications:Smtp:Port", "70000", "Notifications:Smtp:Port must be between 1 and 65535")]
    [InlineData("Notifications:Smtp:UserName", "notices", "Notifications:Smtp:Password is required")]
    [InlineData("Notifications:Delivery:MaxAttempts", "0", "Notifications:Delivery:MaxAttempts must be between 1 and 100")]
    [InlineData("Notifications:Delivery:Concurrency", "0", "Notifications:Delivery:Concurrency must be between 1 and 1024")]
    [InlineData("Notifications:Delivery:FirstRetryDelay", "soon", "Notifications:Delivery:FirstRetryDelay must be an ISO 8601 duration")]
    [InlineData("Notifications:Delivery:AttemptTimeout", "PT0S", "Notifications:Delivery:AttemptTimeout must be an ISO 8601 duration")]
    [InlineData("Notifications:Delivery:BreakDuration", "PT0.1S", "Notifications:Delivery:BreakDuration must be an ISO 8601 duration")]
    public async Task AnInvalidSettingStopsTheStartNamingItsKey(string key, string? value, string message)
    {
        using var host = DeliveryHost.Build(new()
        {
            ["Notifications:Smtp:Host"] = "smtp.example.com",
            ["Notifications:Smtp:From"] = "uptime@status.example",
            [key] = value,
        });

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(message, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ANumberThatIsNotANumberStopsTheStartNamingItsKey()
    {
        using var host = DeliveryHost.Build(new() { ["Notifications:Delivery:MaxAttempts"] = "many" });

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync());

        Assert.Contains("Notifications:Delivery:MaxAttempts", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASenderWithADisplayNameIsAccepted()
    {
        using var host = DeliveryHost.Build(new()
        {
            ["Notifications:Smtp:Host"] = "smtp.example.com",
            ["Notifications:Smtp:From"] = "Uptime Coordinator <uptime@status.example>",
        });

        await host.StartAsync();
        await host.StopAsync();
    }

    [Fact]
    public void DefaultsAreTheDocumentedOnes()
    {
        using var host = DeliveryHost.Build(allowPrivateNetworksByDefault: false);
        var delivery = new DeliveryOptions();
        var smtp = host.Services.GetRequiredService<IOptions<SmtpOptions>>().Value;

        Assert.Equal((6, "PT1S", "PT10S", 32, "PT30S"),
            (delivery.MaxAttempts, delivery.FirstRetryDelay, delivery.AttemptTimeout, delivery.Concurrency, delivery.BreakDuration));
        Assert.True(smtp.UseTls);
        Assert.Equal(587, smtp.ResolvedPort);
        Assert.Equal(25, new SmtpOptions { UseTls = false }.ResolvedPort);
        Assert.False(host.Services.GetRequiredService<IOptions<WebhookOptions>>().Value.AllowPrivateNetworks);
    }

    [Fact]
    public void TheDispatcherIsOneSingletonAndTheSinkIsLeftToTheCaller()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddNoticeDelivery(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build(), allowPrivateNetworksByDefault: false);
        services.AddNoticeDelivery(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build(), allowPrivateNetworksByDefault: false);

        Assert.DoesNotContain(services, s => s.ServiceType == typeof(IDeliveryOutcomeSink));
        Assert.Single(services, s => s.ServiceType == typeof(INoticeDispatcher));
        Assert.Single(services, s => s.ServiceType == typeof(TimeProvider));
    }
}
