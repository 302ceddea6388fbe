using System.Globalization;
using System.Net;
using UptimeCoordinator.Domain.Incidents;
using UptimeCoordinator.Domain.Notices;
using UptimeCoordinator.Domain.Services;

namespace UptimeCoordinator.Domain.Tests.Notices;

public sealed class IncidentNoticeTextTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    // 14:00 in Berlin on Thursday 15 January 2026 (UTC+01:00).
    private static readonly DateTimeOffset Start = new(2026, 1, 15, 13, 0, 0, TimeSpan.Zero);

    private static readonly AffectedService Checkout = new("checkout", "Checkout", ServiceStatus.MajorOutage);
    private static readonly AffectedService Orders = new("orders", "Orders", ServiceStatus.PartialOutage, "customer-db", "Customer database");

    /// <summary>A detected notice for Dana at Acme, in Berlin, five minutes after Checkout went down.</summary>
    internal static IncidentNoticeFacts Facts(
        NoticeKind kind = NoticeKind.IncidentDetected,
        IReadOnlyList<AffectedService>? services = null,
        TimeZoneInfo? zone = null,
        DateTimeOffset? startedAt = null,
        DateTimeOffset? at = null,
        DateTimeOffset? resolvedAt = null,
        string? message = null,
        DateTimeOffset? nextUpdateBy = null,
        DateTimeOffset? eta = null,
        string clientName = "Acme",
        string contactName = "Dana",
        IncidentSeverity severity = IncidentSeverity.Critical) => new(
            "ntc-1", kind, "acme", clientName, contactName, "inc-42", "Checkout unavailable", severity,
            services ?? [Checkout], startedAt ?? Start, at ?? Start.AddMinutes(5), resolvedAt, message,
            nextUpdateBy, eta, zone ?? Berlin);

    private static NoticeContent Resolved(TimeSpan lasted, IncidentSeverity severity = IncidentSeverity.Critical) =>
        IncidentNoticeText.Render(Facts(NoticeKind.IncidentResolved, [Checkout with { Status = ServiceStatus.Operational }],
            resolvedAt: Start + lasted, at: Start + lasted, severity: severity));

    [Fact]
    public void DetectedSubjectSaysWhatIsDownForWhomAndSinceWhenInTheContactsZone() =>
        Assert.Equal("Outage: Checkout is down for Acme (since 14:00 Europe/Berlin)", IncidentNoticeText.Render(Facts()).Subject);

    [Fact]
    public void DetectedNamesEveryAffectedServiceAndTheDependencyThatReachesIt()
    {
        var text = IncidentNoticeText.Render(Facts(services: [Checkout, Orders])).Text;

        Assert.Contains("What is affected for Acme\n- Checkout: down\n- Orders: partly down, because it depends on Customer database\n", text);
    }

    [Fact]
    public void ADependencyWithoutANameIsNamedByItsId()
    {
        var text = IncidentNoticeText.Render(Facts(services: [Orders with { ViaServiceName = null }])).Text;

        Assert.Contains("- Orders: partly down, because it depends on customer-db", text);
    }

    [Fact]
    public void ServicesWithDifferentStatusesAreAffectedInTheSubject() =>
        Assert.Equal("Outage: Checkout and Orders are affected for Acme (since 14:00 Europe/Berlin)",
            IncidentNoticeText.Render(Facts(services: [Checkout, Orders])).Subject);

    [Fact]
    public void DetectedAddressesTheContactNamesTheClientAndGivesTheReference()
    {
        var text = IncidentNoticeText.Render(Facts()).Text;

        Assert.StartsWith("Hello Dana,\n\nWe have detected a problem that affects Acme.", text);
        Assert.Contains("Incident reference\ninc-42: Checkout unavailable\n", text);
    }

    [Fact]
    public void DetectedSaysEngineersAreInvestigatingAndLabelsWhatMonitoringReported()
    {
        var text = IncidentNoticeText.Render(Facts(message: "HTTP 503 from /health")).Text;

        Assert.Contains("Our on-call engineers have been alerted and are investigating.\nWhat our monitoring reported: HTTP 503 from /health\n", text);
    }

    [Fact]
    public void DetectedWithoutAMessageDoesNotMentionMonitoringReports() =>
        Assert.DoesNotContain("monitoring reported", IncidentNoticeText.Render(Facts()).Text, StringComparison.OrdinalIgnoreCase);

    [Theory]
    [InlineData("Europe/Berlin", "2026-01-15T13:00:00Z", "14:00 on Thursday 15 January 2026 (Europe/Berlin, UTC+01:00)")]
    [InlineData("Europe/Berlin", "2026-07-15T12:00:00Z", "14:00 on Wednesday 15 July 2026 (Europe/Berlin, UTC+02:00)")]
    [InlineData("America/New_York", "2026-01-15T19:00:00Z", "14:00 on Thursday 15 January 2026 (America/New_York, UTC-05:00)")]
    [InlineData("America/New_York", "2026-07-15T18:00:00Z", "14:00 on Wednesday 15 July 2026 (America/New_York, UTC-04:00)")]
    [InlineData("Asia/Kolkata", "2026-01-15T08:30:00Z", "14:00 on Thursday 15 January 2026 (Asia/Kolkata, UTC+05:30)")]
    [InlineData("UTC", "2026-01-15T14:00:00Z", "14:00 on Thursday 15 January 2026 (UTC)")]
    public void StartIsShownInTheContactsZoneWithTheOffsetInForceThen(string zone, string startedAt, string expected)
    {
        var start = DateTimeOffset.Parse(startedAt, CultureInfo.InvariantCulture);

        var text = IncidentNoticeText.Render(Facts(zone: TimeZoneInfo.FindSystemTimeZoneById(zone), startedAt: start, at: start)).Text;

        Assert.Contains($"The problem started at {expected}.", text);
    }

    [Fact]
    public void TimesEitherSideOfTheSpringChangeCarryTheirOwnOffsets()
    {
        // Berlin moves from UTC+01:00 to UTC+02:00 at 01:00 UTC on Sunday 29 March 2026.
        var start = new DateTimeOffset(2026, 3, 29, 0, 30, 0, TimeSpan.Zero);

        var text = IncidentNoticeText.Render(Facts(startedAt: start, at: start, nextUpdateBy: start.AddMinutes(45), eta: start.AddHours(1))).Text;

        Assert.Contains("The problem started at 01:30 on Sunday 29 March 2026 (Europe/Berlin, UTC+01:00).", text);
        Assert.Contains("You will hear from us again by 03:15 (Europe/Berlin)", text);
        Assert.Contains("We expect it fixed by 03:30 on Sunday 29 March 2026 (Europe/Berlin, UTC+02:00).", text);
    }

    [Fact]
    public void NextUpdateIsPromisedInTheContactsZone()
    {
        var text = IncidentNoticeText.Render(Facts(nextUpdateBy: Start.AddMinutes(30))).Text;

        Assert.Contains("You will hear from us again by 14:30 (Europe/Berlin), sooner if anything changes.", text);
    }

    [Fact]
    public void NextUpdateOnAnotherLocalDayNamesThatDay()
    {
        var lateStart = new DateTimeOffset(2026, 1, 15, 22, 40, 0, TimeSpan.Zero);

        var text = IncidentNoticeText.Render(Facts(zone: NewYork, startedAt: lateStart, at: lateStart, nextUpdateBy: lateStart.AddMinutes(30))).Text;

        Assert.Contains("by 18:10 (America/New_York)", text);
        Assert.Contains(
            "by 00:10 on Friday 16 January (Europe/Berlin)",
            IncidentNoticeText.Render(Facts(startedAt: lateStart, at: lateStart, nextUpdateBy: lateStart.AddMinutes(30))).Text);
    }

    [Fact]
    public void AKnownEtaIsGivenInTheContactsZone()
    {
        var text = IncidentNoticeText.Render(Facts(eta: Start.AddHours(2))).Text;

        Assert.Contains("We expect it fixed by 16:00 on Thursday 15 January 2026 (Europe/Berlin, UTC+01:00).", text);
        Assert.DoesNotContain("no estimate", text);
    }

    [Fact]
    public void AMissingEtaIsSaidPlainly()
    {
        var text = IncidentNoticeText.Render(Facts(eta: null)).Text;

        Assert.Contains("There is no estimate yet of when it will be fixed.", text);
        Assert.DoesNotContain("We expect it fixed by", text);
    }

    [Fact]
    public void UpdateTellsTheNewStatusWhatChangedAndWhenTheNextUpdateComes()
    {
        var content = IncidentNoticeText.Render(Facts(NoticeKind.IncidentUpdate, [Checkout with { Status = ServiceStatus.PartialOutage }],
            message: "Payments work again; card refunds still fail.", nextUpdateBy: Start.AddHours(1), eta: Start.AddHours(2)));

        Assert.Equal("Update: Checkout is partly down for Acme (next update by 15:00 Europe/Berlin)", content.Subject);
        Assert.Contains("Current status for Acme\n- Checkout: partly down\n", content.Text);
        Assert.Contains("What changed\nPayments work again; card refunds still fail.\n", content.Text);
        Assert.Contains("We expect it fixed by 16:00", content.Text);
        Assert.Contains("You will hear from us again by 15:00 (Europe/Berlin)", content.Text);
    }

    [Fact]
    public void UpdateWithServicesBackSaysWeAreWatchingThem()
    {
        var text = IncidentNoticeText.Render(Facts(NoticeKind.IncidentUpdate, [Checkout with { Status = ServiceStatus.Operational }])).Text;

        Assert.Contains("- Checkout: working normally", text);
        Assert.Contains("The affected services are working again. We are watching them closely", text);
    }

    [Theory]
    [InlineData(20 * 60, "20 minutes")]
    [InlineData(65 * 60, "1 hour 5 minutes")]
    [InlineData(30, "less than a minute")]
    [InlineData(60, "1 minute")]
    [InlineData(2 * 3600, "2 hours")]
    [InlineData(27 * 3600 + 60, "1 day 3 hours 1 minute")]
    public void ResolvedSaysHowLongTheOutageLasted(int seconds, string lasted)
    {
        var content = Resolved(TimeSpan.FromSeconds(seconds));

        Assert.Equal($"Resolved: Checkout works again for Acme (down {lasted})", content.Subject);
        Assert.Contains($"and lasted {lasted}.", content.Text);
    }

    [Fact]
    public void ResolvedSaysSinceWhenItWorksWhatWasDoneAndWhatRemains()
    {
        var text = Resolved(TimeSpan.FromMinutes(20)).Text;

        Assert.StartsWith("Hello Dana,\n\nGood news: Checkout works again for Acme.", text);
        Assert.Contains("Working again since 14:20 on Thursday 15 January 2026 (Europe/Berlin, UTC+01:00).", text);
        Assert.Contains("Our monitoring shows Checkout working normally again.", text);
        Assert.Contains("We will review the incident", text);
        Assert.Contains("If anything still does not work for you, reply or contact us: we will treat it as a new report.", text);
        Assert.Contains("inc-42", text);
    }

    [Fact]
    public void ResolvedWhileMonitoringStillSeesTroubleDoesNotClaimMonitoringShowsItWorking()
    {
        var text = IncidentNoticeText.Render(Facts(NoticeKind.IncidentResolved, resolvedAt: Start.AddMinutes(20))).Text;

        Assert.DoesNotContain("Our monitoring shows", text);
        Assert.Contains("Our engineers have marked the problem as fixed.", text);
    }

    [Fact]
    public void ResolvedOfAMinorIncidentSaysDisruptedRatherThanDown() =>
        Assert.EndsWith("(disrupted 20 minutes)", Resolved(TimeSpan.FromMinutes(20), IncidentSeverity.Minor).Subject);

    [Theory]
    [InlineData(NoticeKind.IncidentDetected)]
    [InlineData(NoticeKind.IncidentUpdate)]
    [InlineData(NoticeKind.IncidentResolved)]
    public void SubjectsStayOnOneLineWhenNamesCarryHeaderInjection(NoticeKind kind)
    {
        const string Injection = "\r\nBcc: x@y";
        var facts = Facts(kind, [new AffectedService("checkout", "Checkout" + Injection, ServiceStatus.MajorOutage)],
            clientName: "Acme" + Injection, contactName: "Dana" + Injection, resolvedAt: Start.AddMinutes(20),
            nextUpdateBy: Start.AddMinutes(30));

        var subject = IncidentNoticeText.Render(facts).Subject;

        Assert.DoesNotContain(subject, char.IsControl);
        Assert.Contains("Acme Bcc: x@y", subject);
        Assert.DoesNotContain("  ", subject);
    }

    [Fact]
    public void SubjectsAreCappedAt200Characters()
    {
        var subject = IncidentNoticeText.Render(Facts(clientName: new string('A', 500))).Subject;

        Assert.Equal(200, subject.Length);
        Assert.EndsWith("…", subject);
    }

    [Fact]
    public void HtmlEncodesEveryUserProvidedString()
    {
        var facts = Facts(services: [new AffectedService("checkout", "<i>Checkout</i>", ServiceStatus.MajorOutage)],
            message: "<script>alert('x')</script>", clientName: "Acme & <b>Sons</b>", contactName: "<img src=x>");

        var html = IncidentNoticeText.Render(facts).Html;

        Assert.DoesNotContain("<script>", html);
        Assert.DoesNotContain("<b>", html);
        Assert.DoesNotContain("<i>", html);
        Assert.DoesNotContain("<img", html);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", html);
        Assert.Contains("Acme &amp; &lt;b&gt;Sons&lt;/b&gt;", html);
    }

    [Theory]
    [InlineData(NoticeKind.IncidentDetected)]
    [InlineData(NoticeKind.IncidentUpdate)]
    [InlineData(NoticeKind.IncidentResolved)]
    public void HtmlSaysEverythingTheTextSays(NoticeKind kind)
    {
        var content = IncidentNoticeText.Render(Facts(kind, [Checkout, Orders], message: "Line one\nline two",
            resolvedAt: Start.AddMinutes(20), nextUpdateBy: Start.AddMinutes(30), eta: Start.AddHours(1)));

        Assert.StartsWith("<!DOCTYPE html>", content.Html);
        Assert.Contains("<html lang=\"en\">", content.Html);
        Assert.DoesNotContain("src=", content.Html);
        Assert.DoesNotContain("href=", content.Html);
        foreach (var line in content.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            Assert.Contains(WebUtility.HtmlEncode(line.StartsWith("- ", StringComparison.Ordinal) ? line[2..] : line), content.Html);
        }
    }

    [Fact]
    public void RenderingDoesNotDependOnTheMachinesCulture()
    {
        var facts = Facts(nextUpdateBy: Start.AddMinutes(30), eta: Start.AddHours(1));
        var expected = IncidentNoticeText.Render(facts);
        var culture = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");

            Assert.Equal(expected, IncidentNoticeText.Render(facts));
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    [Theory]
    [InlineData(NoticeKind.IncidentAcknowledged)]
    [InlineData(NoticeKind.MaintenanceScheduled)]
    public void KindsNotWrittenHereAreRefused(NoticeKind kind) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => IncidentNoticeText.Render(Facts(kind)));
}
