using System.Text.Json.Nodes;
using UptimeCoordinator.Domain;
using UptimeCoordinator.Domain.Health;
using UptimeCoordinator.Host.Integrations;
using UptimeCoordinator.Host.Integrations.Grafana;

namespace UptimeCoordinator.Host.Tests.Integrations.Grafana;

/// <summary>Grafana webhook payloads, read as the endpoint reads them, mapped onto health events.</summary>
public sealed class GrafanaAlertMapperTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);

    private static (IReadOnlyList<MappedEvent> Events, ValidationErrors Errors) Map(string json, string serviceLabel = "service")
    {
        var errors = new ValidationErrors();
        var webhook = ToolPayloadJson.Deserialize<GrafanaWebhook>(System.Text.Encoding.UTF8.GetBytes(json), errors);
        Assert.True(webhook is not null, string.Join("; ", errors.ToDictionary().Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")));
        return (GrafanaAlertMapper.Map(webhook, serviceLabel, Now, errors).Events, errors);
    }

    private static MappedEvent MapOne(JsonObject alertChanges, string serviceLabel = "service")
    {
        var webhook = GrafanaFixtures.Example();
        webhook["alerts"]!.AsArray().RemoveAt(1);
        foreach (var (name, value) in alertChanges)
        {
            GrafanaFixtures.Alert(webhook, 0)[name] = value?.DeepClone();
        }

        var (events, errors) = Map(webhook.ToJsonString(), serviceLabel);
        Assert.True(errors.IsValid);
        return Assert.Single(events);
    }

    [Fact]
    public void DocumentedExampleMapsEachFiringAlertToADownEventOnItsFingerprint()
    {
        var (events, errors) = Map(GrafanaFixtures.DocumentedExample);

        Assert.True(errors.IsValid);
        Assert.Equal(["alerts[0]", "alerts[1]"], events.Select(e => e.Item));
        var first = events[0].Request;
        Assert.Equal(HealthStatus.Down, first.Status);
        Assert.Equal(GrafanaFixtures.FirstFingerprint, first.Check);
        Assert.Equal(DateTimeOffset.Parse("2021-10-12T09:51:03.157076+02:00", System.Globalization.CultureInfo.InvariantCulture), first.ObservedAt);
        Assert.Equal("grafana", first.Source);
        Assert.Equal("This alert was triggered for zone us-1", first.Message);
        Assert.Equal(GrafanaFixtures.SecondFingerprint, events[1].Request.Check);
        Assert.Equal("This alert was triggered for zone eu-1", events[1].Request.Message);
    }

    [Fact]
    public void DocumentedExampleNamesNoServiceSoItsAlertsCarryNone()
    {
        var (events, _) = Map(GrafanaFixtures.DocumentedExample);

        Assert.All(events, e => Assert.Null(e.Request.ServiceId));
    }

    [Fact]
    public void EventIdIsTheSameForARepeatedNotificationAndDiffersOnceResolved()
    {
        var firing = Map(GrafanaFixtures.DocumentedExample).Events[0].Request.EventId;
        var again = Map(GrafanaFixtures.DocumentedExample).Events[0].Request.EventId;
        var resolved = Map(GrafanaFixtures.Resolve(GrafanaFixtures.Example(), 0, Now.AddHours(-1)).ToJsonString()).Events[0].Request.EventId;

        Assert.NotNull(firing);
        Assert.Equal(firing, again);
        Assert.NotEqual(firing, resolved);
        Assert.Contains(GrafanaFixtures.FirstFingerprint, firing, StringComparison.Ordinal);
    }

    [Fact]
    public void AlertsOfOneRuleWithDifferentLabelsAreDifferentChecks()
    {
        var (events, _) = Map(GrafanaFixtures.DocumentedExample);

        Assert.NotEqual(events[0].Request.Check, events[1].Request.Check);
        Assert.NotEqual(events[0].Request.EventId, events[1].Request.EventId);
    }

    [Fact]
    public void ResolvedAlertIsUpAtItsEndTime()
    {
        var endsAt = Now.AddMinutes(-3);

        var (events, _) = Map(GrafanaFixtures.Resolve(GrafanaFixtures.Example(), 0, endsAt).ToJsonString());

        Assert.Equal(HealthStatus.Up, events[0].Request.Status);
        Assert.Equal(endsAt, events[0].Request.ObservedAt);
        Assert.Equal(GrafanaFixtures.FirstFingerprint, events[0].Request.Check);
    }

    [Theory]
    [InlineData("critical", HealthStatus.Down)]
    [InlineData("warning", HealthStatus.Degraded)]
    [InlineData("Warning", HealthStatus.Degraded)]
    [InlineData("page", HealthStatus.Down)]
    public void SeverityLabelDecidesHowBadAFiringAlertIs(string severity, HealthStatus expected)
    {
        var mapped = MapOne(new JsonObject { ["labels"] = new JsonObject { ["severity"] = severity, ["service"] = "db" } });

        Assert.Equal(expected, mapped.Request.Status);
    }

    [Fact]
    public void FiringAlertWithoutSeverityIsDown()
    {
        var (events, _) = Map(GrafanaFixtures.DocumentedExample);

        Assert.All(events, e => Assert.Equal(HealthStatus.Down, e.Request.Status));
    }

    [Fact]
    public void ResolvedAlertIsUpWhateverItsSeverity()
    {
        var mapped = MapOne(new JsonObject
        {
            ["status"] = "resolved",
            ["endsAt"] = Now.AddMinutes(-1).ToString("O"),
            ["labels"] = new JsonObject { ["severity"] = "warning" },
        });

        Assert.Equal(HealthStatus.Up, mapped.Request.Status);
    }

    [Fact]
    public void ServiceLabelWinsOverJobAndInstance()
    {
        var mapped = MapOne(new JsonObject { ["labels"] = new JsonObject { ["service"] = "Checkout", ["job"] = "node", ["instance"] = "web-1:9100" } });

        Assert.Equal("checkout", mapped.Request.ServiceId);
    }

    [Fact]
    public void JobNamesTheServiceWithoutAServiceLabel()
    {
        var mapped = MapOne(new JsonObject { ["labels"] = new JsonObject { ["job"] = "payments", ["instance"] = "web-1:9100" } });

        Assert.Equal("payments", mapped.Request.ServiceId);
    }

    [Fact]
    public void InstanceHostWithoutItsPortNamesTheServiceLast()
    {
        var mapped = MapOne(new JsonObject { ["labels"] = new JsonObject { ["instance"] = "DB.internal:5432" } });

        Assert.Equal("db.internal", mapped.Request.ServiceId);
    }

    [Fact]
    public void ConfiguredServiceLabelIsRead()
    {
        var mapped = MapOne(new JsonObject { ["labels"] = new JsonObject { ["app"] = "search", ["service"] = "ignored" } }, serviceLabel: "app");

        Assert.Equal("search", mapped.Request.ServiceId);
    }

    [Fact]
    public void AlertWithoutFingerprintIsTrackedByItsRuleUid()
    {
        var mapped = MapOne(new JsonObject { ["fingerprint"] = null, ["ruleUID"] = "fdxdv9tmxpr5sd" });

        Assert.Equal("fdxdv9tmxpr5sd", mapped.Request.Check);
    }

    [Fact]
    public void AlertWithNeitherFingerprintNorRuleUidIsRefused()
    {
        var webhook = GrafanaFixtures.Example();
        GrafanaFixtures.Alert(webhook, 1).Remove("fingerprint");

        var (_, errors) = Map(webhook.ToJsonString());

        Assert.Equal(["alerts[1].fingerprint"], errors.ToDictionary().Keys);
    }

    [Fact]
    public void AlertWithAnUnknownStatusIsRefused()
    {
        var webhook = GrafanaFixtures.Example();
        GrafanaFixtures.Alert(webhook, 0)["status"] = "pending";

        var (_, errors) = Map(webhook.ToJsonString());

        Assert.Contains("alerts[0].status", errors.ToDictionary().Keys);
    }

    [Fact]
    public void PayloadWithoutAlertsIsRefused()
    {
        var (events, errors) = Map("""{"version":"1","status":"firing"}""");

        Assert.Empty(events);
        Assert.Contains("alerts", errors.ToDictionary().Keys);
    }

    [Fact]
    public void PayloadOfAnotherVersionIsRefused()
    {
        var webhook = GrafanaFixtures.Example();
        webhook["version"] = "4";

        var (_, errors) = Map(webhook.ToJsonString());

        Assert.Contains("version", errors.ToDictionary().Keys);
    }

    [Fact]
    public void StartTimeAheadOfThisHostsClockIsTakenAsNow()
    {
        var mapped = MapOne(new JsonObject { ["startsAt"] = Now.AddMinutes(30).ToString("O") });

        Assert.Equal(Now, mapped.Request.ObservedAt);
    }

    [Fact]
    public void SummaryLongerThanAnEventMessageIsCut()
    {
        var mapped = MapOne(new JsonObject { ["annotations"] = new JsonObject { ["summary"] = new string('x', 5000) } });

        Assert.Equal(1000, mapped.Request.Message!.Length);
    }

    [Fact]
    public void AlertWithoutAnnotationsIsDescribedByItsAlertName()
    {
        var mapped = MapOne(new JsonObject { ["annotations"] = null });

        Assert.Equal("High memory usage", mapped.Request.Message);
    }
}
