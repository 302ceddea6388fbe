using System.Globalization;
using System.Text.Json;
using UptimeCoordinator.Domain.Incidents;
using UptimeCoordinator.Domain.Notices;
using UptimeCoordinator.Domain.Services;

namespace UptimeCoordinator.Domain.Tests.Notices;

public sealed class IncidentNoticePayloadTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 15, 13, 0, 0, TimeSpan.Zero);

    private static IncidentNoticeFacts Facts(DateTimeOffset? eta = null) => IncidentNoticeTextTests.Facts(
        services:
        [
            new AffectedService("checkout", "Checkout", ServiceStatus.MajorOutage),
            new AffectedService("orders", "Orders", ServiceStatus.PartialOutage, "customer-db", "Customer database"),
        ],
        message: "HTTP 503 <script>",
        nextUpdateBy: Start.AddMinutes(30),
        eta: eta);

    private static string Json(IncidentNoticeFacts facts) => IncidentNoticePayload.Json(facts, IncidentNoticeText.Render(facts));

    private static JsonElement Data(IncidentNoticeFacts facts)
    {
        using var document = JsonDocument.Parse(Json(facts));
        return document.RootElement.GetProperty("data").Clone();
    }

    [Fact]
    public void PayloadIsAStandardWebhooksEnvelopeWithTheKindAndTimestamp()
    {
        using var document = JsonDocument.Parse(Json(Facts()));
        var root = document.RootElement;

        Assert.Equal(["type", "timestamp", "data"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("incident.detected", root.GetProperty("type").GetString());
        Assert.Equal("2026-01-15T13:05:00+00:00", root.GetProperty("timestamp").GetString());
    }

    [Fact]
    public void DataCarriesTheContractFieldsInCamelCase() =>
        Assert.Equal(
            [
                "noticeId", "clientId", "incidentId", "title", "severity", "affectedServices", "startedAt", "resolvedAt", "nextUpdateBy", "eta", "message",
                "stage", "by", "previousEta", "resolution", "feedback", "subject", "text",
            ],
            Data(Facts()).EnumerateObject().Select(p => p.Name));

    [Fact]
    public void DataNamesTheNoticeClientIncidentAndSeverityByWireName()
    {
        var data = Data(Facts());

        Assert.Equal("ntc-1", data.GetProperty("noticeId").GetString());
        Assert.Equal("acme", data.GetProperty("clientId").GetString());
        Assert.Equal("inc-42", data.GetProperty("incidentId").GetString());
        Assert.Equal("Checkout unavailable", data.GetProperty("title").GetString());
        Assert.Equal("critical", data.GetProperty("severity").GetString());
        Assert.Equal("HTTP 503 <script>", data.GetProperty("message").GetString());
    }

    [Fact]
    public void AffectedServicesCarryTheirWireStatusAndTheDependencyTheyAreReachedThrough()
    {
        var services = Data(Facts()).GetProperty("affectedServices").EnumerateArray().ToArray();

        Assert.Equal(2, services.Length);
        Assert.Equal("checkout", services[0].GetProperty("serviceId").GetString());
        Assert.Equal("Checkout", services[0].GetProperty("name").GetString());
        Assert.Equal("major_outage", services[0].GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, services[0].GetProperty("via").ValueKind);
        Assert.Equal("partial_outage", services[1].GetProperty("status").GetString());
        Assert.Equal("customer-db", services[1].GetProperty("via").GetString());
    }

    [Fact]
    public void TimesAreWrittenInUtcWithAnOffset()
    {
        var eta = new DateTimeOffset(2026, 1, 15, 16, 0, 0, TimeSpan.FromHours(1));

        var data = Data(Facts(eta));

        Assert.Equal("2026-01-15T13:00:00+00:00", data.GetProperty("startedAt").GetString());
        Assert.Equal("2026-01-15T13:30:00+00:00", data.GetProperty("nextUpdateBy").GetString());
        Assert.Equal("2026-01-15T15:00:00+00:00", data.GetProperty("eta").GetString());
    }

    [Fact]
    public void UnknownTimesAreNull()
    {
        var data = Data(Facts(eta: null));

        Assert.Equal(JsonValueKind.Null, data.GetProperty("resolvedAt").ValueKind);
        Assert.Equal(JsonValueKind.Null, data.GetProperty("eta").ValueKind);
    }

    [Fact]
    public void DataCarriesTheRenderedSubjectAndText()
    {
        var facts = Facts();
        var content = IncidentNoticeText.Render(facts);

        var data = Data(facts);

        Assert.Equal(content.Subject, data.GetProperty("subject").GetString());
        Assert.Equal(content.Text, data.GetProperty("text").GetString());
    }

    [Fact]
    public void AMonitoringNoticeHasNoStageResponderResolutionOrFeedback()
    {
        var data = Data(Facts());

        Assert.Equal(JsonValueKind.Null, data.GetProperty("stage").ValueKind);
        Assert.Equal(JsonValueKind.Null, data.GetProperty("by").ValueKind);
        Assert.Equal(JsonValueKind.Null, data.GetProperty("previousEta").ValueKind);
        Assert.Equal(JsonValueKind.Null, data.GetProperty("resolution").ValueKind);
        Assert.Equal(JsonValueKind.Null, data.GetProperty("feedback").ValueKind);
    }

    [Fact]
    public void ABulletinsNoticeCarriesTheStageByWireNameWhoActedAndThePreviousEta()
    {
        var facts = IncidentNoticeTextTests.Facts(NoticeKind.IncidentEtaChanged, eta: Start.AddHours(3)) with
        {
            Bulletin = BulletinKind.EtaChanged,
            Stage = IncidentStage.Identified,
            By = "Sam",
            PreviousEta = new DateTimeOffset(2026, 1, 15, 16, 0, 0, TimeSpan.FromHours(1)),
        };

        using var document = JsonDocument.Parse(Json(facts));
        var data = document.RootElement.GetProperty("data");

        Assert.Equal("incident.eta_changed", document.RootElement.GetProperty("type").GetString());
        Assert.Equal("identified", data.GetProperty("stage").GetString());
        Assert.Equal("Sam", data.GetProperty("by").GetString());
        Assert.Equal("2026-01-15T15:00:00+00:00", data.GetProperty("previousEta").GetString());
        Assert.Equal("2026-01-15T16:00:00+00:00", data.GetProperty("eta").GetString());
    }

    [Fact]
    public void AResolvedNoticeCarriesTheResolutionInFull()
    {
        var facts = IncidentNoticeTextTests.Facts(NoticeKind.IncidentResolved, resolvedAt: Start.AddHours(1)) with
        {
            Bulletin = BulletinKind.Resolved,
            Stage = IncidentStage.Resolved,
            By = "Sam",
            Resolution = new IncidentResolution(
                "Raised the pool size", ["Restarted workers", "Raised pool"], 45, ["Add an alert"], "Sam", Start.AddHours(1), "Checkout recovered."),
        };

        var resolution = Data(facts).GetProperty("resolution");

        Assert.Equal(
            ["summary", "actionsTaken", "timeSpentMinutes", "followUps", "by", "generatedSummary"],
            resolution.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Raised the pool size", resolution.GetProperty("summary").GetString());
        Assert.Equal(["Restarted workers", "Raised pool"], resolution.GetProperty("actionsTaken").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(45, resolution.GetProperty("timeSpentMinutes").GetInt32());
        Assert.Equal(["Add an alert"], resolution.GetProperty("followUps").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal("Sam", resolution.GetProperty("by").GetString());
        Assert.Equal("Checkout recovered.", resolution.GetProperty("generatedSummary").GetString());
    }

    [Fact]
    public void AnAutomaticResolutionIsBySystemWithNoTimeSpent()
    {
        var facts = IncidentNoticeTextTests.Facts(NoticeKind.IncidentResolved, resolvedAt: Start.AddHours(1)) with
        {
            Resolution = IncidentResolution.Automatic("Checkout recovered.", Start.AddHours(1)),
        };

        var resolution = Data(facts).GetProperty("resolution");

        Assert.Equal("system", resolution.GetProperty("by").GetString());
        Assert.Equal(JsonValueKind.Null, resolution.GetProperty("timeSpentMinutes").ValueKind);
        Assert.Empty(resolution.GetProperty("actionsTaken").EnumerateArray());
    }

    [Fact]
    public void AFollowUpCarriesTheFeedbackLinkAndToken()
    {
        const string Url = "https://status.example.com/feedback?incident=inc-42&token=tok-1";
        var facts = IncidentNoticeTextTests.Facts(NoticeKind.IncidentFollowUp, resolvedAt: Start.AddHours(1)) with
        {
            Bulletin = BulletinKind.FollowUp,
            Stage = IncidentStage.Closed,
            By = "system",
            FeedbackUrl = Url,
            FeedbackToken = "tok-1",
        };

        var feedback = Data(facts).GetProperty("feedback");

        Assert.Equal(Url, feedback.GetProperty("url").GetString());
        Assert.Equal("tok-1", feedback.GetProperty("token").GetString());
    }

    [Fact]
    public void IdenticalFactsGiveIdenticalBytesWhateverTheMachinesCulture()
    {
        var first = Json(Facts(Start.AddHours(1)));
        var culture = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("ar-SA");

            Assert.Equal(first, Json(Facts(Start.AddHours(1))));
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }
}
