using System.Globalization;
using System.Text.Json;
using UptimeCoordinator.Domain.Clients;
using UptimeCoordinator.Domain.Notices;
using UptimeCoordinator.Domain.Sla;
using static UptimeCoordinator.Domain.Services.ServiceStatus;
using static UptimeCoordinator.Domain.Tests.Sla.SlaScenario;

namespace UptimeCoordinator.Domain.Tests.Sla;

public sealed class SlaBreachPlannerTests
{
    // 108 minutes down in June's 43 200: 99.75 %, 64.8 minutes over the 43.2-minute budget, the 10 % tier.
    private static readonly SlaTerms Terms = SlaTerms.Default with { MonthlyFee = 500m };

    private static readonly DateTimeOffset Now = new(2026, 7, 2, 10, 0, 0, TimeSpan.Zero);

    // sla.breached is opt-in: a contact hears of it only when its stages list it.
    private static readonly NoticeKind[] OptedIn = [NoticeKind.IncidentDetected, NoticeKind.SlaBreached];

    private static Contact Alice(IReadOnlyList<NoticeKind>? stages = null, QuietHours? quiet = null, string? zone = null) =>
        new("alice", "Alice", "alice@acme.example", null, null, null, stages ?? OptedIn, quiet, zone);

    private static Contact Bot() =>
        new("ops-bot", "Acme ops bot", null, "https://hooks.acme.example/uc", "whsec_c2VjcmV0LXNlY3JldA==", "https://hooks.slack.example/T/B/x", OptedIn, null, null);

    private static ClientDefinition Client(string name = "Acme", params Contact[] contacts) =>
        new("acme", name, "UTC", [new Subscription("api", 1)], contacts.Length > 0 ? contacts : [Alice()]);

    private static SlaReport Breached(SlaTerms? terms = null, DateTimeOffset? now = null) =>
        June([Span(MajorOutage, 0, 108)], terms: terms ?? Terms, now: now);

    private static List<Notice> Plan(ClientDefinition client, SlaReport report, NoticeOutbox? outbox = null) =>
        SlaBreachPlanner.Plan(client, report, "EUR", outbox ?? new NoticeOutbox(), Now);

    private static string Text(SlaReport report, ClientDefinition? client = null) => Plan(client ?? Client(), report).Single().Content.Text;

    private static JsonElement Data(string payload)
    {
        using var document = JsonDocument.Parse(payload);
        return document.RootElement.GetProperty("data").Clone();
    }

    private static string WebhookPayload(SlaReport report) =>
        Plan(Client("Acme", Bot()), report).Single(n => n.Channel == NoticeChannel.Webhook).Payload!;

    [Fact]
    public void SubjectIdNamesTheMonth() => Assert.Equal("sla-2026-03", SlaBreachPlanner.SubjectId(2026, 3));

    [Fact]
    public void BreachedMonthPlansOneNoticePerContactAndChannel()
    {
        var planned = Plan(Client("Acme", Alice(), Bot()), Breached());

        Assert.Equal(
            [
                "sla-2026-06:sla.breached:1:acme:alice:email",
                "sla-2026-06:sla.breached:1:acme:ops-bot:webhook",
                "sla-2026-06:sla.breached:1:acme:ops-bot:slack",
            ],
            planned.Select(n => n.Id));
        Assert.All(planned, n =>
        {
            Assert.Equal(NoticeKind.SlaBreached, n.Kind);
            Assert.Equal("sla-2026-06", n.SubjectId);
            Assert.Equal(1, n.Sequence);
            Assert.Equal(NoticeState.Pending, n.State);
            Assert.Equal(Now, n.CreatedAt);
            Assert.Equal(Now, n.DueAt);
            Assert.Equal(n.Channel == NoticeChannel.Webhook, n.Payload is not null);
        });
        Assert.Equal(["alice@acme.example", "https://hooks.acme.example/uc", "https://hooks.slack.example/T/B/x"], planned.Select(n => n.To));
    }

    [Fact]
    public void MetMonthPlansNothing() =>
        Assert.Empty(Plan(Client("Acme", Alice(), Bot()), June([Span(MajorOutage, 0, 40)], terms: Terms)));

    [Fact]
    public void PlanningTheMonthAgainPlansNothingNew()
    {
        var outbox = new NoticeOutbox();
        var client = Client("Acme", Alice(), Bot());
        outbox.Add(Plan(client, Breached(now: At(20_000)), outbox));
        outbox.Record("sla-2026-06:sla.breached:1:acme:alice:email", NoticeState.Sent, 1, null, Now);

        Assert.Empty(Plan(client, Breached(), outbox));
    }

    [Fact]
    public void ContactWhoseStagesLeaveOutSlaBreachedGetsNothing()
    {
        var client = Client("Acme", Alice(stages: [NoticeKind.IncidentDetected, NoticeKind.IncidentResolved]), Bot() with { Stages = [NoticeKind.SlaBreached] });

        Assert.All(Plan(client, Breached()), n => Assert.Equal("ops-bot", n.ContactId));
    }

    [Fact]
    public void QuietHoursHoldTheNoticeUntilTheyEnd()
    {
        // Now is 12:00 in Berlin in July; quiet hours 11:00–13:00 there end at 11:00 UTC.
        var client = Client("Acme", Alice(quiet: new QuietHours(new TimeOnly(11, 0), new TimeOnly(13, 0)), zone: "Europe/Berlin"));

        var notice = Plan(client, Breached()).Single();

        Assert.Equal(new DateTimeOffset(2026, 7, 2, 11, 0, 0, TimeSpan.Zero), notice.DueAt);
        Assert.Equal(Now, notice.CreatedAt);
    }

    [Fact]
    public void TextGivesTheUptimeToFourDecimalsAgainstTheTarget()
    {
        var notice = Plan(Client(), Breached()).Single();

        Assert.Contains("99.7500%", notice.Content.Subject);
        Assert.Contains("Uptime for the month: 99.7500%, against a target of 99.9%.", notice.Content.Text);
        Assert.Contains("Downtime counted: 108 of 43200 eligible minutes.", notice.Content.Text);
        Assert.Contains("we are over it by 64.8 minutes", notice.Content.Text);
    }

    [Fact]
    public void MonthIsNamedInTheClientsZoneWhateverTheContactsZone()
    {
        // Berlin's March starts at 23:00 UTC on 28 February, still February in New York.
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var march = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.FromHours(1));
        var report = SlaCalculator.Month(Terms, zone, 2026, 3, Api, [new StatusSpan("api", MajorOutage, march, march.AddHours(2))], [], march.AddDays(10));
        var client = Client("Acme", Alice(zone: "America/New_York")) with { TimeZone = "Europe/Berlin" };

        var notice = Plan(client, report).Single();

        Assert.Contains("March 2026", notice.Content.Subject);
        Assert.Contains("in March 2026 has fallen below what we promised", notice.Content.Text);
        Assert.DoesNotContain("February", notice.Content.Text);
        Assert.Contains("measured until 19:00 America/New_York time on Tuesday 10 March 2026", notice.Content.Text);
    }

    [Fact]
    public void TextGivesTheCreditAmountAndCurrency()
    {
        var text = Text(Breached());

        Assert.Contains("a credit of 50.00 EUR", text);
        Assert.Contains("The credit of 50.00 EUR is due to you for June 2026.", text);
    }

    [Fact]
    public void MonthStillRunningSaysTheCreditIsDueOnlyIfItEndsBelowTarget()
    {
        var text = Text(Breached(now: At(20_000)));

        Assert.Contains("Uptime so far:", text);
        Assert.Contains("If the month ends below target, the credit of 50.00 EUR is due to you.", text);
    }

    [Fact]
    public void MonthAboveEveryCreditThresholdSaysNoTierAppliesYet()
    {
        var terms = Terms with { CreditTiers = [new CreditTier(99.0, 25)] };

        var text = Text(Breached(terms, At(20_000)));

        Assert.Contains("No credit tier applies yet", text);
        Assert.Equal(JsonValueKind.Null, Data(WebhookPayload(Breached(terms))).GetProperty("credit").ValueKind);
    }

    [Fact]
    public void WorstServiceIsListedFirstAndServicesWithoutDowntimeAreLeftOut()
    {
        var report = June(
            [Span(MajorOutage, 0, 50, "api"), Span(MajorOutage, 100, 300, "db")],
            terms: Terms,
            subscriptions: [("api", 1.0), ("db", 1.0), ("web", 1.0)]);

        var text = Text(report);

        var api = text.IndexOf("api: 50 minutes of downtime counted, 99.8843% uptime", StringComparison.Ordinal);
        var db = text.IndexOf("db: 200 minutes of downtime counted, 99.5370% uptime", StringComparison.Ordinal);
        Assert.InRange(db, 0, api - 1);
        Assert.DoesNotContain("web:", text);
    }

    [Fact]
    public void LongListsOfServicesStopAtTenAndSayHowManyMore()
    {
        var ids = Enumerable.Range(1, 12).Select(i => $"svc-{i:D2}").ToList();
        var report = June([.. ids.Select((id, i) => Span(MajorOutage, 0, 60 + i, id))], terms: Terms, subscriptions: [.. ids.Select(id => (id, 1.0))]);

        var text = Text(report);

        Assert.InRange(text.IndexOf("svc-12:", StringComparison.Ordinal), 0, text.IndexOf("svc-11:", StringComparison.Ordinal) - 1);
        Assert.Contains("svc-03:", text);
        Assert.DoesNotContain("svc-02:", text);
        Assert.Contains("and 2 more services with downtime", text);
    }

    [Fact]
    public void ExcludedMaintenanceIsMentionedOnlyWhenThereIsAny()
    {
        var withWindow = June([Span(MajorOutage, 0, 108)], [Window("mw-1", 1_000, 1_120, 96)], Terms);

        Assert.Contains("Planned maintenance not counted: 120 minutes", Text(withWindow));
        Assert.DoesNotContain("Planned maintenance", Text(Breached()));
    }

    [Fact]
    public void PayloadIsAStandardWebhooksEnvelopeWithTheMonthsFigures()
    {
        using var document = JsonDocument.Parse(WebhookPayload(Breached()));
        var root = document.RootElement;
        var data = root.GetProperty("data");

        Assert.Equal(["type", "timestamp", "data"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("sla.breached", root.GetProperty("type").GetString());
        Assert.Equal("2026-07-02T10:00:00+00:00", root.GetProperty("timestamp").GetString());
        Assert.Equal(
            [
                "noticeId", "clientId", "month", "uptimePercent", "targetPercent", "eligibleMinutes", "downMinutes", "excludedMinutes",
                "errorBudgetLeftMinutes", "credit", "services", "subject", "text",
            ],
            data.EnumerateObject().Select(p => p.Name));
        Assert.Equal("sla-2026-06:sla.breached:1:acme:ops-bot:webhook", data.GetProperty("noticeId").GetString());
        Assert.Equal("2026-06", data.GetProperty("month").GetString());
        Assert.Equal(99.75, data.GetProperty("uptimePercent").GetDouble(), 9);
        Assert.Equal(99.9, data.GetProperty("targetPercent").GetDouble());
        Assert.Equal(43_200, data.GetProperty("eligibleMinutes").GetDouble());
        Assert.Equal(108, data.GetProperty("downMinutes").GetDouble());
        Assert.Equal(-64.8, data.GetProperty("errorBudgetLeftMinutes").GetDouble(), 9);
        Assert.Equal(10, data.GetProperty("credit").GetProperty("percent").GetDouble());
        Assert.Equal(50m, data.GetProperty("credit").GetProperty("amount").GetDecimal());
        Assert.Equal("EUR", data.GetProperty("credit").GetProperty("currency").GetString());
        Assert.Equal("api", data.GetProperty("services")[0].GetProperty("serviceId").GetString());
        Assert.StartsWith("Service level below target for Acme", data.GetProperty("subject").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void PayloadIsTheSameBytesOnEveryRender() =>
        Assert.Equal(WebhookPayload(Breached()), WebhookPayload(Breached()));

    [Fact]
    public void NumbersAreWrittenTheSameInAnyCulture()
    {
        var before = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            var text = Text(Breached());

            Assert.Contains("99.7500%", text);
            Assert.Contains("50.00 EUR", text);
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Fact]
    public void ClientNameCannotInjectHeadersOrMarkup()
    {
        var content = Plan(Client("Acme\r\nBcc: victim@example.com <b>"), Breached()).Single().Content;

        Assert.DoesNotContain('\r', content.Subject);
        Assert.DoesNotContain('\n', content.Subject);
        Assert.Contains("Acme Bcc: victim@example.com", content.Subject);
        Assert.DoesNotContain("<b>", content.Html);
    }
    [Fact]
    public void AContactThatListsNoStagesIsNotToldOfABreach()
    {
        var report = Breached();
        var client = Client(contacts: new Contact("carol", "Carol", "carol@acme.example", null, null, null, null, null, null));

        Assert.Empty(SlaBreachPlanner.Plan(client, report, "EUR", new NoticeOutbox(), report.MeasuredUntil));
    }
}
