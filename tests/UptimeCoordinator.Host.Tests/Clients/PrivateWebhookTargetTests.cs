using System.Net;
using UptimeCoordinator.Host.Tests.Http;

namespace UptimeCoordinator.Host.Tests.Clients;

/// <summary>Outside Development, webhooks may not point at loopback or private addresses unless configured to.</summary>
public sealed class PrivateWebhookTargetTests
{
    private static async Task<HttpResponseMessage> PutWebhookClientAsync(CoordinatorApp app, string url)
    {
        using var api = new CoordinatorClient(app);
        await api.WaitUntilReadyAsync();
        await api.CreateServiceAsync("shop");
        return await api.Ops.PutAsync("/api/v1/clients/acme", Json.Content(new
        {
            name = "Acme",
            timeZone = "UTC",
            subscriptions = new[] { new { serviceId = "shop" } },
            contacts = new[] { new { id = "bot", name = "Bot", webhookUrl = url } },
        }));
    }

    [Theory]
    [InlineData("http://127.0.0.1:9/hook")]
    [InlineData("http://localhost:9/hook")]
    [InlineData("http://192.168.1.10/hook")]
    public async Task PrivateTargetsAreRefusedByDefaultInProduction(string url)
    {
        await using var app = new CoordinatorApp(environment: "Production");

        using var response = await PutWebhookClientAsync(app, url);

        var messages = await Problem.AssertValidationAsync(response, "contacts[0].webhookUrl");
        Assert.Contains("Notifications:Webhooks:AllowPrivateNetworks", messages[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task PrivateTargetsAreAcceptedWhenAllowed()
    {
        await using var app = new CoordinatorApp(environment: "Production",
            settings: new Dictionary<string, string> { ["Notifications:Webhooks:AllowPrivateNetworks"] = "true" });

        using var response = await PutWebhookClientAsync(app, "http://127.0.0.1:9/hook");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }
}
