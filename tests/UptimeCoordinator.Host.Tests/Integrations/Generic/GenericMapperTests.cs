using System.Text;
using UptimeCoordinator.Domain;
using UptimeCoordinator.Domain.Health;
using UptimeCoordinator.Host.Events;
using UptimeCoordinator.Host.Integrations;
using UptimeCoordinator.Host.Integrations.Generic;

namespace UptimeCoordinator.Host.Tests.Integrations.Generic;

/// <summary>The formatted webhook and the push URL, mapped onto health events.</summary>
public sealed class GenericMapperTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);

    private static (HealthEventRequest? Request, ValidationErrors Errors) MapWebhook(string json)
    {
        var errors = new ValidationErrors();
        var webhook = ToolPayloadJson.Deserialize<FormattedWebhook>(Encoding.UTF8.GetBytes(json), errors);
        Assert.NotNull(webhook);
        return (FormattedWebhookMapper.Map(webhook, "checkout", Now, errors), errors);
    }

    [Fact]
    public void OnCallsExampleIsADownEventForTheNamedServiceOnItsAlertUid()
    {
        var (request, errors) = MapWebhook(GenericFixtures.FormattedWebhookExample);

        Assert.True(errors.IsValid);
        Assert.Equal("checkout", request!.ServiceId);
        Assert.Equal(HealthStatus.Down, request.Status);
        Assert.Equal("08d6891a-835c-e661-39fa-96b6a9e26552", request.Check);
        Assert.Equal("TestAlert: The whole system is down", request.Message);
        Assert.Equal(Now, request.ObservedAt);
        Assert.Equal("formatted-webhook", request.Source);
    }

    [Theory]
    [InlineData("ok")]
    [InlineData("OK")]
    public void StateOkIsUp(string state) =>
        Assert.Equal(HealthStatus.Up, MapWebhook(GenericFixtures.FormattedWebhook(state)).Request!.Status);

    [Fact]
    public void WebhookWithoutStateIsDownAsOnCallAlertsOnIt() =>
        Assert.Equal(HealthStatus.Down, MapWebhook("""{"alert_uid":"a","title":"t"}""").Request!.Status);

    [Fact]
    public void UnknownStateIsRefused()
    {
        var (request, errors) = MapWebhook(GenericFixtures.FormattedWebhook("pending"));

        Assert.Null(request);
        Assert.Equal(["state"], errors.ToDictionary().Keys);
    }

    [Fact]
    public void WebhookWithoutAlertUidUsesTheDefaultCheck() =>
        Assert.Null(MapWebhook("""{"state":"alerting","message":"m"}""").Request!.Check);

    [Fact]
    public void WebhookWithoutTitleIsDescribedByItsMessage() =>
        Assert.Equal("m", MapWebhook("""{"state":"alerting","message":"m"}""").Request!.Message);

    [Theory]
    [InlineData("up", HealthStatus.Up)]
    [InlineData("down", HealthStatus.Down)]
    [InlineData("DOWN", HealthStatus.Down)]
    [InlineData("degraded", HealthStatus.Degraded)]
    [InlineData(null, HealthStatus.Up)]
    public void PushStatusIsTheEventStatusAndMissingMeansUp(string? status, HealthStatus expected)
    {
        var request = PushEventMapper.Map("checkout", status, "OK", Now, new ValidationErrors());

        Assert.Equal(expected, request!.Status);
        Assert.Equal(("checkout", "push", "OK"), (request.ServiceId, request.Check, request.Message));
    }

    [Fact]
    public void PushWithAnUnknownStatusIsRefused()
    {
        var errors = new ValidationErrors();

        Assert.Null(PushEventMapper.Map("checkout", "sideways", null, Now, errors));
        Assert.Equal(["status"], errors.ToDictionary().Keys);
    }
}
