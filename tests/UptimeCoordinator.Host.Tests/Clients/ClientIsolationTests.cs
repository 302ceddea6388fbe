using System.Net;
using UptimeCoordinator.Host.Tests.Http;

namespace UptimeCoordinator.Host.Tests.Clients;

/// <summary>A <c>client:acme</c> key reads acme's own data and nothing else: every other client is "not found".</summary>
public sealed class ClientIsolationTests : IAsyncLifetime
{
    private readonly CoordinatorApp _app = new();
    private CoordinatorClient _api = null!;

    public async Task InitializeAsync()
    {
        _api = new CoordinatorClient(_app);
        await _api.WaitUntilReadyAsync();
        await _api.CreateServiceAsync("shop");
        foreach (var id in new[] { "acme", "globex" })
        {
            using var response = await _api.Ops.PutAsync($"/api/v1/clients/{id}", Json.Content(new
            {
                name = id,
                timeZone = "UTC",
                subscriptions = new[] { new { serviceId = "shop" } },
                contacts = new[] { new { id = "ops", name = "Ops", email = $"ops@{id}.example" } },
            }));
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }
    }

    public async Task DisposeAsync()
    {
        _api.Dispose();
        await _app.DisposeAsync();
    }

    [Theory]
    [InlineData("/api/v1/clients/acme")]
    [InlineData("/api/v1/clients/acme/status")]
    [InlineData("/api/v1/clients/acme/notices")]
    public async Task AClientKeyReadsItsOwnData(string path)
    {
        using var response = await _api.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/api/v1/clients/globex")]
    [InlineData("/api/v1/clients/globex/status")]
    [InlineData("/api/v1/clients/globex/notices")]
    [InlineData("/api/v1/clients/nobody/status")]
    public async Task AnotherClientsDataIsNotFoundForAClientKey(string path)
    {
        using var response = await _api.Client.GetAsync(path);

        var problem = await Problem.AssertAsync(response, HttpStatusCode.NotFound);
        Assert.DoesNotContain("ops@globex.example", problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AClientKeyCannotListChangeOrRemoveClients()
    {
        using var list = await _api.Client.GetAsync("/api/v1/clients");
        using var put = await _api.Client.PutAsync("/api/v1/clients/acme", Json.Content(new { name = "Acme", timeZone = "UTC" }));
        using var delete = await _api.Client.DeleteAsync("/api/v1/clients/acme");

        await Problem.AssertAsync(list, HttpStatusCode.Forbidden);
        await Problem.AssertAsync(put, HttpStatusCode.Forbidden);
        await Problem.AssertAsync(delete, HttpStatusCode.Forbidden);
        using var still = await _api.Ops.GetAsync("/api/v1/clients/acme");
        Assert.Equal("ops@acme.example", (await still.ReadJsonAsync()).GetProperty("contacts")[0].Str("email"));
    }
}
