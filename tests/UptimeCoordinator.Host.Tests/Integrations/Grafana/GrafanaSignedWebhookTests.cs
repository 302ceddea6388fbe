using System.Net;
using System.Security.Cryptography;
using System.Text;
using UptimeCoordinator.Host.Tests.Http;

namespace UptimeCoordinator.Host.Tests.Integrations.Grafana;

/// <summary>An app whose Grafana contact point signs its webhooks (<c>Integrations:Grafana:Secret</c>).</summary>
public sealed class SignedGrafanaFixture : IAsyncLifetime
{
    public const string Secret = "contact-point-hmac-secret";

    public CoordinatorApp App { get; } = new(settings: new Dictionary<string, string> { ["Integrations:Grafana:Secret"] = Secret });

    public CoordinatorClient Api { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Api = new CoordinatorClient(App);
        await Api.WaitUntilReadyAsync();
    }

    public async Task DisposeAsync()
    {
        Api.Dispose();
        await App.DisposeAsync();
    }
}

/// <summary>With a secret configured, only webhooks Grafana signed with it are applied.</summary>
public sealed class GrafanaSignedWebhookTests(SignedGrafanaFixture fixture) : IClassFixture<SignedGrafanaFixture>
{
    private CoordinatorClient Api => fixture.Api;

    private async Task<(string ServiceId, string Body)> FiringWebhookAsync()
    {
        var id = TestIds.Unique();
        await Api.CreateServiceAsync(id);
        return (id, GrafanaFixtures.Firing(id, TestTime.MinutesAgo(5)).ToJsonString());
    }

    private Task<HttpResponseMessage> PostAsync(string body, string? header, string? signature)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, GrafanaWebhookTests.Path) { Content = Http.Json.Raw(body) };
        if (header is not null)
        {
            request.Headers.Add(header, signature);
        }

        return Api.Monitor.SendAsync(request);
    }

    private static string Sign(string body, string secret) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));

    [Fact]
    public async Task WebhookSignedWithTheSecretIsApplied()
    {
        var (id, body) = await FiringWebhookAsync();

        using var response = await PostAsync(body, "X-Grafana-Alerting-Signature", Sign(body, SignedGrafanaFixture.Secret));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("major_outage", (await Api.GetServiceAsync(id)).Str("status"));
    }

    [Fact]
    public async Task SignatureInGrafanasFallbackHeaderIsAlsoAccepted()
    {
        var (id, body) = await FiringWebhookAsync();

        using var response = await PostAsync(body, "X-Grafana-Alert-Signature", Sign(body, SignedGrafanaFixture.Secret));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("major_outage", (await Api.GetServiceAsync(id)).Str("status"));
    }

    [Fact]
    public async Task UnsignedWebhookIsRefusedAndNothingIsApplied()
    {
        var (id, body) = await FiringWebhookAsync();

        using var response = await PostAsync(body, null, null);

        var problem = await Problem.AssertAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains("X-Grafana-Alerting-Signature", problem.Str("detail"), StringComparison.Ordinal);
        Assert.Equal("operational", (await Api.GetServiceAsync(id)).Str("status"));
    }

    [Fact]
    public async Task WebhookSignedWithAnotherSecretIsRefusedAndNothingIsApplied()
    {
        var (id, body) = await FiringWebhookAsync();

        using var response = await PostAsync(body, "X-Grafana-Alerting-Signature", Sign(body, "not-the-secret"));

        await Problem.AssertAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal("operational", (await Api.GetServiceAsync(id)).Str("status"));
    }

    [Fact]
    public async Task SignatureOfAnotherBodyIsRefused()
    {
        var (id, body) = await FiringWebhookAsync();
        var signature = Sign(body, SignedGrafanaFixture.Secret);

        using var response = await PostAsync(body.Replace("High memory usage", "High memory use", StringComparison.Ordinal), "X-Grafana-Alerting-Signature", signature);

        await Problem.AssertAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal("operational", (await Api.GetServiceAsync(id)).Str("status"));
    }
}
