using System.Text;
using UptimeCoordinator.Domain;
using UptimeCoordinator.Domain.Health;
using UptimeCoordinator.Host.Integrations;
using UptimeCoordinator.Host.Integrations.PagerDuty;

namespace UptimeCoordinator.Host.Tests.Integrations.PagerDuty;

/// <summary>PagerDuty events, read as the endpoint reads them, validated and mapped onto health events.</summary>
public sealed class PagerDutyEventMapperTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);

    private static PagerDutyEvent Read(string json)
    {
        var errors = new ValidationErrors();
        var pagerDutyEvent = ToolPayloadJson.Deserialize<PagerDutyEvent>(Encoding.UTF8.GetBytes(json), errors);
        Assert.True(errors.IsValid, string.Join("; ", errors.ToDictionary().Keys));
        return pagerDutyEvent!;
    }

    private static (PagerDutyAction? Action, Dictionary<string, string[]> Errors) Validate(string json)
    {
        var errors = new ValidationErrors();
        return (PagerDutyEventMapper.Validate(Read(json), errors), errors.ToDictionary());
    }

    private static string WithPayload(string field, string? value)
    {
        var trigger = System.Text.Json.Nodes.JsonNode.Parse(PagerDutyFixtures.DocumentedTrigger)!;
        trigger["payload"]![field] = value;
        return trigger.ToJsonString();
    }

    [Fact]
    public void DocumentedTriggerIsATriggerForItsComponentAndDedupKey()
    {
        var trigger = Read(PagerDutyFixtures.DocumentedTrigger);
        var (action, errors) = Validate(PagerDutyFixtures.DocumentedTrigger);

        var request = PagerDutyEventMapper.Trigger(trigger.Payload!, trigger.DedupKey!, Now);

        Assert.Equal(PagerDutyAction.Trigger, action);
        Assert.Empty(errors);
        Assert.Equal("mysql", request.ServiceId);
        Assert.Equal("srv01/mysql", request.Check);
        Assert.Equal(HealthStatus.Down, request.Status);
        Assert.Equal(new DateTimeOffset(2015, 7, 17, 8, 42, 58, 315, TimeSpan.Zero), request.ObservedAt);
        Assert.Equal("pagerduty", request.Source);
        Assert.Equal("DISK at 99% on machine prod-datapipe03.example.com", request.Message);
        Assert.Equal("e93facc04764012d7bfb002500d5d1a6", trigger.RoutingKey);
    }

    [Fact]
    public void AcknowledgeAndResolveNeedNoPayload()
    {
        Assert.Equal(PagerDutyAction.Acknowledge, Validate(PagerDutyFixtures.MinimalAcknowledge).Action);
        Assert.Equal(PagerDutyAction.Resolve, Validate(PagerDutyFixtures.MinimalResolve).Action);
    }

    [Theory]
    [InlineData("critical", HealthStatus.Down)]
    [InlineData("error", HealthStatus.Down)]
    [InlineData("warning", HealthStatus.Degraded)]
    [InlineData("info", HealthStatus.Degraded)]
    public void SeverityDecidesTheStatus(string severity, HealthStatus expected)
    {
        var trigger = Read(WithPayload("severity", severity));

        Assert.Equal(expected, PagerDutyEventMapper.Trigger(trigger.Payload!, "k", Now).Status);
    }

    [Fact]
    public void SourceNamesTheServiceWhenThereIsNoComponent()
    {
        var trigger = Read(WithPayload("component", null));

        Assert.Equal("prod-datapipe03.example.com", PagerDutyEventMapper.Trigger(trigger.Payload!, "k", Now).ServiceId);
    }

    [Fact]
    public void ServiceNameIsLowerCased()
    {
        var trigger = Read(WithPayload("component", "MySQL"));

        Assert.Equal("mysql", PagerDutyEventMapper.Trigger(trigger.Payload!, "k", Now).ServiceId);
    }

    [Fact]
    public void ComponentThatIsNoServiceIdIsAnInvalidEvent()
    {
        var (action, errors) = Validate(WithPayload("component", "my sql"));

        Assert.Null(action);
        Assert.Equal(["payload.component"], errors.Keys);
    }

    [Fact]
    public void TriggerWithoutSummarySourceAndSeverityIsAnInvalidEvent()
    {
        var (action, errors) = Validate("""{"routing_key":"k","event_action":"trigger","payload":{}}""");

        Assert.Null(action);
        Assert.Equal(["payload.severity", "payload.source", "payload.summary"], errors.Keys.Order());
    }

    [Fact]
    public void TriggerWithoutPayloadIsAnInvalidEvent() =>
        Assert.Equal(["payload"], Validate("""{"routing_key":"k","event_action":"trigger"}""").Errors.Keys);

    [Fact]
    public void UnknownSeverityIsAnInvalidEvent() =>
        Assert.Equal(["payload.severity"], Validate(WithPayload("severity", "fatal")).Errors.Keys);

    [Fact]
    public void TimestampThatIsNoTimeIsAnInvalidEvent() =>
        Assert.Equal(["payload.timestamp"], Validate(WithPayload("timestamp", "yesterday")).Errors.Keys);

    [Fact]
    public void UnknownActionIsAnInvalidEvent() =>
        Assert.Equal(["event_action"], Validate("""{"routing_key":"k","event_action":"snooze","dedup_key":"a"}""").Errors.Keys);

    [Theory]
    [InlineData("acknowledge")]
    [InlineData("resolve")]
    public void AcknowledgeOrResolveWithoutDedupKeyIsAnInvalidEvent(string action) =>
        Assert.Equal(["dedup_key"], Validate($$"""{"routing_key":"k","event_action":"{{action}}"}""").Errors.Keys);

    [Fact]
    public void DedupKeyLongerThanPagerDutyAllowsIsAnInvalidEvent() =>
        Assert.Equal(["dedup_key"], Validate($$"""{"event_action":"resolve","dedup_key":"{{new string('k', 256)}}"}""").Errors.Keys);

    [Fact]
    public void DedupKeyTooLongForACheckNameIsTrackedByItsDigest()
    {
        var key = new string('k', 255);

        var check = PagerDutyEventMapper.CheckFor(key);

        Assert.StartsWith("sha256:", check, StringComparison.Ordinal);
        Assert.True(check.Length <= 200);
        Assert.Equal(check, PagerDutyEventMapper.CheckFor(key));
        Assert.NotEqual(check, PagerDutyEventMapper.CheckFor(new string('k', 254) + "j"));
    }

    [Fact]
    public void TimestampAheadOfThisHostsClockIsTakenAsNow()
    {
        var trigger = Read(WithPayload("timestamp", Now.AddHours(1).ToString("O")));

        Assert.Equal(Now, PagerDutyEventMapper.Trigger(trigger.Payload!, "k", Now).ObservedAt);
    }

    [Fact]
    public void ResolveIsUpForTheStoredServiceAndCheck()
    {
        var request = PagerDutyEventMapper.Resolve("mysql", "srv01/mysql", null, Now);

        Assert.Equal(("mysql", "srv01/mysql", HealthStatus.Up, Now), (request.ServiceId, request.Check, request.Status!.Value, request.ObservedAt!.Value));
    }

    [Fact]
    public void AcknowledgementIsRecordedAsTheSourceAndNeverAsTheRoutingKey()
    {
        var trigger = Read(PagerDutyFixtures.DocumentedTrigger);
        var acknowledge = Read(PagerDutyFixtures.MinimalAcknowledge);

        Assert.Equal("pagerduty:prod-datapipe03.example.com", PagerDutyEventMapper.ActorFor(trigger));
        Assert.Equal("pagerduty", PagerDutyEventMapper.ActorFor(acknowledge));
    }
}
