using System.Net;
using System.Text.Json.Nodes;
using UptimeCoordinator.Host.Integrations.Alertmanager;
using UptimeCoordinator.Host.Tests.Http;
using RequestBody = UptimeCoordinator.Host.Tests.Http.Json;
using static UptimeCoordinator.Host.Tests.Integrations.Alertmanager.AlertmanagerFixtures;

namespace UptimeCoordinator.Host.Tests.Integrations.Alertmanager;

/// <summary><c>Integrations:Alertmanager:ServiceLabel</c> chooses the label that names the service.</summary>
public sealed class AlertmanagerServiceLabelTests
{
    [Fact]
    public async Task ConfiguredServiceLabelNamesTheServiceInsteadOfTheServiceLabel()
    {
        await using var app = new CoordinatorApp(settings: new Dictionary<string, string>
        {
            ["Integrations:Alertmanager:ServiceLabel"] = "component",
        });
        using var api = new CoordinatorClient(app);
        var (component, service) = (TestIds.Unique("comp"), TestIds.Unique("svc"));
        await api.CreateServiceAsync(component);
        await api.CreateServiceAsync(service);
        var body = JsonNode.Parse(Recent(FiringTwoAlerts, service))!.AsObject();
        foreach (var alert in body["alerts"]!.AsArray())
        {
            alert!["labels"]!["component"] = component;
        }

        using var response = await api.Monitor.PostAsync(AlertmanagerApi.Path, RequestBody.Raw(body.ToJsonString()));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("partial_outage", (await api.GetServiceAsync(component)).Str("status"));
        Assert.Equal("operational", (await api.GetServiceAsync(service)).Str("status"));
    }

    [Fact]
    public async Task BlankServiceLabelStopsTheHostAtStartup()
    {
        await using var app = new CoordinatorApp(settings: new Dictionary<string, string>
        {
            ["Integrations:Alertmanager:ServiceLabel"] = " ",
        });

        var error = Assert.Throws<InvalidOperationException>(() => app.CreateClient());

        Assert.Contains("Integrations:Alertmanager:ServiceLabel", error.Message);
    }
}
