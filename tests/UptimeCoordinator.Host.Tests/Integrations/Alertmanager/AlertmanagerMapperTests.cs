using System.Text.Json.Nodes;
using UptimeCoordinator.Domain;
using UptimeCoordinator.Domain.Health;
using UptimeCoordinator.Host.Integrations;
using UptimeCoordinator.Host.Integrations.Alertmanager;
using static UptimeCoordinator.Host.Tests.Integrations.Alertmanager.AlertmanagerFixtures;

namespace UptimeCoordinator.Host.Tests.Integrations.Alertmanager;

/// <summary>The mapping from Alertmanager's webhook payload to health events, on payloads Alertmanager wrote.</summary>
public sealed class AlertmanagerMapperTests
{
    private static readonly AlertmanagerMapper Mapper = new("service");

    [Fact]
    public void EachFiringAlertIsAnEventOnItsOwnCheckNamedByItsFingerprint()
    {
        var mapping = Map(FiringTwoAlerts);

        Assert.Empty(mapping.Skipped);
        Assert.Equal(["alerts[0]", "alerts[1]"], mapping.Events.Select(e => e.Item));
        Assert.All(mapping.Events, e => Assert.Equal("checkout", e.Request.ServiceId));
        Assert.Equal([CriticalFingerprint, WarningFingerprint], mapping.Events.Select(e => e.Request.Check));
    }

    [Fact]
    public void CriticalIsDownAndWarningIsDegraded()
    {
        var mapping = Map(FiringTwoAlerts);

        Assert.Equal([HealthStatus.Down, HealthStatus.Degraded], mapping.Events.Select(e => e.Request.Status!.Value));
    }

    [Theory]
    [InlineData("page")]
    [InlineData("info")]
    [InlineData(null)]
    public void FiringAlertWithAnyOtherSeverityOrNoneIsDown(string? severity)
    {
        var payload = Node(FiringTwoAlerts);
        var labels = payload["alerts"]![1]!["labels"]!.AsObject();
        labels.Remove("severity");
        if (severity is not null)
        {
            labels["severity"] = severity;
        }

        var mapping = Map(payload);

        Assert.Equal(HealthStatus.Down, mapping.Events[1].Request.Status);
    }

    [Fact]
    public void FiringAlertIsObservedWhenItStarted()
    {
        var mapping = Map(FiringTwoAlerts);

        Assert.All(mapping.Events, e => Assert.Equal(DateTimeOffset.Parse("2026-11-23T20:28:41Z"), e.Request.ObservedAt));
    }

    [Fact]
    public void ResolvedAlertIsUpOnTheSameCheckObservedWhenItEnded()
    {
        var firing = Map(FiringTwoAlerts);

        var resolved = Map(ResolvedTwoAlerts);

        Assert.Empty(resolved.Skipped);
        Assert.All(resolved.Events, e => Assert.Equal(HealthStatus.Up, e.Request.Status));
        Assert.All(resolved.Events, e => Assert.Equal(DateTimeOffset.Parse("2026-11-23T20:29:41Z"), e.Request.ObservedAt));
        Assert.Equal(firing.Events.Select(e => (e.Request.ServiceId, e.Request.Check)), resolved.Events.Select(e => (e.Request.ServiceId, e.Request.Check)));
    }

    [Fact]
    public void EventIdIsStableAcrossRetriesOfOneNotification()
    {
        var first = Map(FiringTwoAlerts);
        var retry = Map(FiringTwoAlerts);

        Assert.Equal(first.Events.Select(e => e.Request.EventId), retry.Events.Select(e => e.Request.EventId));
        Assert.Equal(
            ["am:3674736a37fc8008:2026-11-23T20:28:41.0000000Z:firing", "am:8eda6567518a3062:2026-11-23T20:28:41.0000000Z:firing"],
            first.Events.Select(e => e.Request.EventId));
    }

    [Fact]
    public void EventIdDiffersBetweenFiringAndResolvedAndBetweenTwoFirings()
    {
        var firing = Map(FiringTwoAlerts).Events[0].Request.EventId;
        var resolved = Map(ResolvedTwoAlerts).Events[0].Request.EventId;
        var refired = Node(FiringTwoAlerts);
        refired["alerts"]![0]!["startsAt"] = "2026-11-23T21:00:00Z";

        var again = Map(refired).Events[0].Request.EventId;

        Assert.Equal(3, new[] { firing, resolved, again }.Distinct().Count());
    }

    [Fact]
    public void SourceIsAlertmanagerAndTheMessageIsTheSummaryElseTheDescription()
    {
        var named = Map(FiringTwoAlerts).Events;
        var fallbacks = Map(FiringLabelFallbacks).Events;

        Assert.All(named, e => Assert.Equal("alertmanager", e.Request.Source));
        Assert.Equal("Checkout error rate above 5%", named[0].Request.Message);
        Assert.Equal("pay-1 has not been scraped for 2 minutes", fallbacks.Single(e => e.Request.ServiceId == "payments").Request.Message);
    }

    [Fact]
    public void WithoutAServiceLabelTheJobNamesTheServiceLowerCased()
    {
        var mapping = Map(FiringLabelFallbacks);

        var payments = mapping.Events.Single(e => e.Request.Check == "020b88b500e94b59");
        Assert.Equal("payments", payments.Request.ServiceId);
        Assert.Equal(HealthStatus.Degraded, payments.Request.Status);
    }

    [Fact]
    public void WithoutServiceOrJobTheInstanceWithoutItsPortNamesTheService()
    {
        var mapping = Map(FiringLabelFallbacks);

        var ledger = mapping.Events.Single(e => e.Request.Check == "3d9b13cd75fd8c03");
        Assert.Equal("ledger-db", ledger.Request.ServiceId);
        Assert.Equal(HealthStatus.Down, ledger.Request.Status);
    }

    [Fact]
    public void AlertWhoseLabelIsNoServiceIdIsSkippedWithTheReasonAndTheRestAreMapped()
    {
        var mapping = Map(FiringLabelFallbacks);

        var skipped = Assert.Single(mapping.Skipped);
        Assert.Equal(("alerts[0]", "6cf0a26079bc6a95"), (skipped.Item, skipped.Check));
        Assert.Contains("'job'", skipped.Reason);
        Assert.Contains("Billing Batch", skipped.Reason);
        Assert.Equal(["alerts[1]", "alerts[2]"], mapping.Events.Select(e => e.Item));
    }

    [Fact]
    public void InvalidServiceLabelSkipsTheAlertRatherThanFallingBackToJob()
    {
        var payload = Node(FiringLabelFallbacks);
        payload["alerts"]![1]!["labels"]!["service"] = "Payments API";

        var mapping = Map(payload);

        Assert.Equal(["alerts[0]", "alerts[1]"], mapping.Skipped.Select(s => s.Item));
        Assert.Contains("'service'", mapping.Skipped[1].Reason);
    }

    [Fact]
    public void ConfiguredServiceLabelIsReadFirst()
    {
        var mapping = new AlertmanagerMapper("alertname").Map(Payload(FiringTwoAlerts), new ValidationErrors());

        Assert.All(mapping.Events, e => Assert.Equal("higherrorrate", e.Request.ServiceId));
    }

    [Fact]
    public void ConfiguredServiceLabelFallsBackToJobWhenAbsent()
    {
        var mapping = new AlertmanagerMapper("component").Map(Payload(FiringLabelFallbacks), new ValidationErrors());

        Assert.Equal(["payments", "ledger-db"], mapping.Events.Select(e => e.Request.ServiceId));
    }

    [Fact]
    public void AlertWithoutAnyServiceLabelIsSkipped()
    {
        var payload = Node(FiringTwoAlerts);
        payload["alerts"]![0]!["labels"] = new JsonObject { ["alertname"] = "HighErrorRate" };

        var mapping = Map(payload);

        var skipped = Assert.Single(mapping.Skipped);
        Assert.Equal(CriticalFingerprint, skipped.Check);
        Assert.Contains("no 'service', 'job' or 'instance' label", skipped.Reason);
    }

    [Theory]
    [InlineData("fingerprint", "", "no fingerprint")]
    [InlineData("startsAt", "0001-01-01T00:00:00Z", "no startsAt")]
    [InlineData("status", "pending", "status must be")]
    public void AlertMissingWhatAnEventNeedsIsSkipped(string field, string value, string reason)
    {
        var payload = Node(FiringTwoAlerts);
        payload["alerts"]![0]![field] = value;

        var mapping = Map(payload);

        Assert.Contains(reason, Assert.Single(mapping.Skipped).Reason);
        Assert.Equal(["alerts[1]"], mapping.Events.Select(e => e.Item));
    }

    [Fact]
    public void ResolvedAlertWithoutAnEndIsSkipped()
    {
        var payload = Node(ResolvedTwoAlerts);
        payload["alerts"]![1]!["endsAt"] = "0001-01-01T00:00:00Z";

        var mapping = Map(payload);

        Assert.Equal(("alerts[1]", WarningFingerprint), (Assert.Single(mapping.Skipped).Item, mapping.Skipped[0].Check));
    }

    [Fact]
    public void NanosecondStartTimesAreReadToTheTick()
    {
        var mapping = Map(FiringLabelFallbacks);

        Assert.All(mapping.Events, e => Assert.Equal(DateTimeOffset.Parse("2026-11-23T20:30:56.0614444Z"), e.Request.ObservedAt));
        Assert.All(mapping.Events, e => Assert.Contains(":2026-11-23T20:30:56.0614444Z:firing", e.Request.EventId));
    }

    [Fact]
    public void NewerAndUnknownFieldsAreReadPast()
    {
        var payload = Node(FiringTwoAlerts);
        payload["notification_reason"] = "test";
        payload["routeLabels"] = new JsonObject { ["receiver"] = "uc" };
        payload["alerts"]![0]!["silencedBy"] = new JsonArray();

        var mapping = Map(payload);

        Assert.Equal(2, mapping.Events.Count);
    }

    [Theory]
    [InlineData("""{"version":"3","alerts":[{}]}""", "version")]
    [InlineData("""{"alerts":[{}]}""", "version")]
    [InlineData("""{"version":"4","alerts":[]}""", "alerts")]
    [InlineData("""{"version":"4"}""", "alerts")]
    public void PayloadOfAnotherVersionOrWithoutAlertsIsInvalid(string json, string field)
    {
        var errors = new ValidationErrors();

        var mapping = Mapper.Map(Parse(json), errors);

        Assert.True(errors.ToDictionary().ContainsKey(field), string.Join(", ", errors.ToDictionary().Keys));
        Assert.Empty(mapping.Events);
    }

    private static ToolMapping Map(string fixture) => Map(Payload(fixture));

    private static ToolMapping Map(JsonObject payload) => Map(Parse(payload.ToJsonString()));

    private static ToolMapping Map(AlertmanagerPayload payload)
    {
        var errors = new ValidationErrors();
        var mapping = Mapper.Map(payload, errors);
        Assert.True(errors.IsValid, string.Join(", ", errors.ToDictionary().Keys));
        return mapping;
    }
}
