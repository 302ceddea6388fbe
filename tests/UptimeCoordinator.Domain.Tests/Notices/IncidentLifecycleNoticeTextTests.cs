using System.Net;
using UptimeCoordinator.Domain.Incidents;
using UptimeCoordinator.Domain.Notices;
using UptimeCoordinator.Domain.Services;

namespace UptimeCoordinator.Domain.Tests.Notices;

/// <summary>The notices an incident's own bulletins yield: responders' actions, clients' reports and answers, scheduled steps.</summary>
public sealed class IncidentLifecycleNoticeTextTests
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    // 14:00 in Berlin on Thursday 15 January 2026 (UTC+01:00); the notices go out five minutes later.
    private static readonly DateTimeOffset Start = new(2026, 1, 15, 13, 0, 0, TimeSpan.Zero);

    private static readonly AffectedService Checkout = new("checkout", "Checkout", ServiceStatus.MajorOutage);
    private static readonly AffectedService CheckoutBack = Checkout with { Status = ServiceStatus.Operational };

    private const string FeedbackUrl = "https://status.example.com/feedback?incident=inc-42&client=acme&contact=dana&token=tok-s3cr3t";

    private static IncidentNoticeFacts Bulletin(
        NoticeKind kind,
        BulletinKind bulletin,
        IncidentStage stage = IncidentStage.Acknowledged,
        string? by = "Sam",
        string? message = null,
        DateTimeOffset? eta = null,
        DateTimeOffset? previousEta = null,
        IncidentResolution? resolution = null,
        string? feedbackUrl = null,
        DateTimeOffset? resolvedAt = null,
        DateTimeOffset? nextUpdateBy = null,
        IReadOnlyList<AffectedService>? services = null,
        TimeZoneInfo? zone = null) =>
        IncidentNoticeTextTests.Facts(kind, services: services, zone: zone, message: message, eta: eta, resolvedAt: resolvedAt,
            nextUpdateBy: nextUpdateBy) with
        {
            Bulletin = bulletin,
            Stage = stage,
            By = by,
            PreviousEta = previousEta,
            Resolution = resolution,
            FeedbackUrl = feedbackUrl,
            FeedbackToken = feedbackUrl is null ? null : "tok-s3cr3t",
        };

    private static NoticeContent Render(IncidentNoticeFacts facts) => IncidentNoticeText.Render(facts);

    private static IncidentResolution StaffResolution(int? minutes = 45, IReadOnlyList<string>? followUps = null, string? generated = null) => new(
        "The database ran out of connections; we raised the pool size.",
        ["Restarted the checkout workers", "Raised the connection pool from 50 to 200"],
        minutes,
        followUps ?? ["Add an alert on connection pool usage"],
        "Sam",
        Start.AddMinutes(80),
        generated);

    private static IncidentNoticeFacts StaffResolved(IncidentResolution? resolution = null) => Bulletin(
        NoticeKind.IncidentResolved, BulletinKind.Resolved, IncidentStage.Resolved, message: "The database ran out of connections; we raised the pool size.",
        resolution: resolution ?? StaffResolution(), resolvedAt: Start.AddMinutes(80), services: [CheckoutBack]) with { At = Start.AddMinutes(80) };

    /// <summary>One of each notice the bulletins yield, for the checks every notice must pass.</summary>
    public static TheoryData<string> Variants => [.. VariantFacts.Keys];

    private static readonly Dictionary<string, IncidentNoticeFacts> VariantFacts = new()
    {
        ["declared"] = Bulletin(NoticeKind.IncidentDetected, BulletinKind.Declared, IncidentStage.Detected, message: "Card payments fail"),
        ["confirmed"] = Bulletin(NoticeKind.IncidentDetected, BulletinKind.Confirmed, IncidentStage.Detected),
        ["confirmed update"] = Bulletin(NoticeKind.IncidentUpdate, BulletinKind.Confirmed, IncidentStage.Detected, nextUpdateBy: Start.AddMinutes(35)),
        ["acknowledged"] = Bulletin(NoticeKind.IncidentAcknowledged, BulletinKind.Acknowledged, eta: Start.AddHours(2), nextUpdateBy: Start.AddMinutes(35)),
        ["report suspected"] = Bulletin(NoticeKind.IncidentAcknowledged, BulletinKind.ReportReceived, IncidentStage.Suspected, by: "client:acme", message: "Checkout hangs"),
        ["report confirmed"] = Bulletin(NoticeKind.IncidentAcknowledged, BulletinKind.ReportReceived, IncidentStage.Investigating, by: "client:acme", message: "Checkout hangs"),
        ["reopened for client"] = Bulletin(NoticeKind.IncidentAcknowledged, BulletinKind.ReopenedForClient, IncidentStage.Detected, by: "client:acme", message: "Still fails"),
        ["updated"] = Bulletin(NoticeKind.IncidentUpdate, BulletinKind.Updated, IncidentStage.Identified, message: "Bad deploy", nextUpdateBy: Start.AddMinutes(35)),
        ["still working"] = Bulletin(NoticeKind.IncidentUpdate, BulletinKind.StillWorking, by: "system", nextUpdateBy: Start.AddMinutes(35)),
        ["eta changed"] = Bulletin(NoticeKind.IncidentEtaChanged, BulletinKind.EtaChanged, eta: Start.AddHours(3), previousEta: Start.AddHours(2), message: "Slower restore"),
        ["resolved"] = StaffResolved(),
        ["dismissed"] = Bulletin(NoticeKind.IncidentResolved, BulletinKind.Dismissed, IncidentStage.Dismissed, message: "Your proxy blocks us", resolvedAt: Start.AddMinutes(20)),
        ["follow-up"] = Bulletin(NoticeKind.IncidentFollowUp, BulletinKind.FollowUp, IncidentStage.Closed, by: "system", resolution: StaffResolution(), feedbackUrl: FeedbackUrl, resolvedAt: Start.AddMinutes(80)),
        ["survey"] = Bulletin(NoticeKind.IncidentSurvey, BulletinKind.Survey, IncidentStage.Closed, by: "system", resolution: StaffResolution(), feedbackUrl: FeedbackUrl, resolvedAt: Start.AddMinutes(80)),
        ["reported"] = Bulletin(NoticeKind.IncidentReported, BulletinKind.Reported, IncidentStage.Suspected, by: "client:acme", message: "Checkout hangs"),
        ["reopened"] = Bulletin(NoticeKind.IncidentReopened, BulletinKind.Reopened, IncidentStage.Detected, by: "client:acme", message: "Still fails"),
        ["nudge"] = Bulletin(NoticeKind.IncidentNudge, BulletinKind.Nudge, IncidentStage.Investigating, by: "system", message: "No update for 30 minutes."),
    };

    [Fact]
    public void DeclaredSaysOurTeamFoundTheProblemAndLabelsWhatTheTeamReports()
    {
        var content = Render(VariantFacts["declared"]);

        Assert.Equal("Outage: Checkout is down for Acme (since 14:00 Europe/Berlin)", content.Subject);
        Assert.Contains("Our team has found a problem that affects Acme.", content.Text);
        Assert.Contains("What our team reports: Card payments fail", content.Text);
        Assert.DoesNotContain("monitoring reported", content.Text);
        Assert.Contains("The problem started at 14:00 on Thursday 15 January 2026", content.Text);
    }

    [Fact]
    public void ConfirmedSaysWeConfirmedAProblemAClientReported()
    {
        var text = Render(VariantFacts["confirmed"]).Text;

        Assert.Contains("We have confirmed a problem reported by a client that affects Acme.", text);
        Assert.DoesNotContain("Our team has found", text);
    }

    [Fact]
    public void ConfirmationToSomeoneAlreadyToldIsAnUpdateSayingConfirmed()
    {
        var content = Render(VariantFacts["confirmed update"]);

        Assert.Equal("Confirmed: Checkout is down for Acme (next update by 14:35 Europe/Berlin)", content.Subject);
        Assert.Contains("What changed\nOur team has confirmed the problem.\n", content.Text);
    }

    [Fact]
    public void AcknowledgedNamesTheEngineerAndGivesTheEtaInTheContactsZone()
    {
        var content = Render(Bulletin(NoticeKind.IncidentAcknowledged, BulletinKind.Acknowledged, eta: Start.AddHours(2.5),
            message: "Looking at the payment gateway", zone: NewYork));

        Assert.Equal("Engineer on it: Checkout is down for Acme (fix expected by 10:30 America/New_York)", content.Subject);
        Assert.Contains("An engineer, Sam, is now working on the problem that affects Acme.", content.Text);
        Assert.Contains("We expect it fixed by 10:30 on Thursday 15 January 2026 (America/New_York, UTC-05:00).", content.Text);
        Assert.Contains("Latest from our team: Looking at the payment gateway", content.Text);
        Assert.DoesNotContain("no estimate", content.Text);
    }

    [Fact]
    public void AcknowledgedWithoutAnEtaSaysThereIsNoEstimateYet()
    {
        var content = Render(Bulletin(NoticeKind.IncidentAcknowledged, BulletinKind.Acknowledged, nextUpdateBy: Start.AddMinutes(35)));

        Assert.EndsWith("(no estimate yet)", content.Subject);
        Assert.Contains("There is no estimate yet of when it will be fixed.", content.Text);
        Assert.Contains("You will hear from us again by 14:35 (Europe/Berlin)", content.Text);
    }

    [Fact]
    public void ASuspectedReportIsCheckedAgainstMonitoringBeforeAnythingIsClaimed()
    {
        var content = Render(VariantFacts["report suspected"]);

        Assert.StartsWith("We received your report", content.Subject);
        Assert.Contains("We are checking it against our monitoring and will tell you what we find.", content.Text);
        Assert.Contains("What you reported\nCheckout hangs\n", content.Text);
        Assert.DoesNotContain("already know", content.Text);
        Assert.DoesNotContain("Checkout: down", content.Text);
    }

    [Fact]
    public void AReportOfAConfirmedProblemSaysWeAlreadyKnowAndGivesTheEta()
    {
        var content = Render(VariantFacts["report confirmed"] with { Eta = Start.AddHours(2) });

        Assert.StartsWith("We received your report", content.Subject);
        Assert.Contains("we already know about this problem: our engineers are working on it.", content.Text);
        Assert.Contains("We are investigating the cause.", content.Text);
        Assert.Contains("We expect it fixed by 16:00 on Thursday 15 January 2026", content.Text);
        Assert.Contains("What you reported\nCheckout hangs\n", content.Text);
        Assert.DoesNotContain("checking it against our monitoring", content.Text);
        Assert.NotEqual(Render(VariantFacts["report suspected"]).Subject, content.Subject);
    }

    [Fact]
    public void AReopenedIncidentTellsTheClientWeAreOnItAgain()
    {
        var text = Render(VariantFacts["reopened for client"]).Text;

        Assert.Contains("You told us it is still not working: we have reopened the incident and our engineers are on it again.", text);
        Assert.Contains("What you told us\nStill fails\n", text);
        Assert.Contains("We reopened the incident at 14:05 on Thursday 15 January 2026", text);
    }

    [Theory]
    [InlineData(IncidentStage.Investigating, "Investigating", "We are investigating the cause.")]
    [InlineData(IncidentStage.Identified, "Cause found", "We have found the cause and are working on a fix.")]
    [InlineData(IncidentStage.Monitoring, "Fix in place", "A fix is in place and we are watching it.")]
    public void AnUpdateSaysTheStageInPlainWords(IncidentStage stage, string headline, string doing)
    {
        var content = Render(Bulletin(NoticeKind.IncidentUpdate, BulletinKind.Updated, stage, message: "Rolled back the deploy", nextUpdateBy: Start.AddMinutes(35)));

        Assert.Equal($"{headline}: Checkout is down for Acme (next update by 14:35 Europe/Berlin)", content.Subject);
        Assert.Contains($"What we are doing\n{doing}\n", content.Text);
        Assert.Contains("Latest from our team\nRolled back the deploy\n", content.Text);
    }

    [Fact]
    public void AHoldingUpdateSaysNothingNewAndWhenTheNextUpdateComes()
    {
        var content = Render(VariantFacts["still working"]);

        Assert.StartsWith("Still working on it: Checkout is down for Acme", content.Subject);
        Assert.Contains("We are still working on it; there is nothing new to report yet.", content.Text);
        Assert.Contains("You will hear from us again by 14:35 (Europe/Berlin), sooner if anything changes.", content.Text);
        Assert.Contains("There is no estimate yet", content.Text);
        Assert.Contains("We have found the cause and are working on a fix.", Render(VariantFacts["still working"] with { Stage = IncidentStage.Identified }).Text);
    }

    [Fact]
    public void ALaterEstimateShowsBothTimesAndSaysItIsLater()
    {
        var content = Render(Bulletin(NoticeKind.IncidentEtaChanged, BulletinKind.EtaChanged, eta: Start.AddHours(2.5), previousEta: Start.AddHours(1.5),
            message: "The restore is slower than expected."));

        Assert.Equal("New estimate: Checkout for Acme fixed by 16:30 (Europe/Berlin)", content.Subject);
        Assert.Contains("We now expect it fixed by 16:30 on Thursday 15 January 2026 (Europe/Berlin, UTC+01:00).", content.Text);
        Assert.Contains("The new estimate is later than the one we gave you: 15:30 on Thursday 15 January 2026 (Europe/Berlin, UTC+01:00). That is 1 hour later.", content.Text);
        Assert.Contains("The restore is slower than expected.", content.Text);
        Assert.DoesNotContain("earlier", content.Text);
    }

    [Fact]
    public void AnEarlierEstimateSaysItIsEarlier()
    {
        var text = Render(Bulletin(NoticeKind.IncidentEtaChanged, BulletinKind.EtaChanged, eta: Start.AddHours(1), previousEta: Start.AddHours(1.5))).Text;

        Assert.Contains("The new estimate is earlier than the one we gave you: 15:30 on Thursday 15 January 2026 (Europe/Berlin, UTC+01:00). That is 30 minutes earlier.", text);
        Assert.Contains("We now expect it fixed by 15:00 on Thursday 15 January 2026", text);
        Assert.DoesNotContain("later than", text);
    }

    [Fact]
    public void AFirstEstimateSaysThereWasNoneBefore()
    {
        var text = Render(Bulletin(NoticeKind.IncidentEtaChanged, BulletinKind.EtaChanged, eta: Start.AddHours(1))).Text;

        Assert.Contains("Before, we had given you no estimate.", text);
    }

    [Fact]
    public void TheResolutionSaysWhatWasDoneEachActionTheTimeSpentAndWhatRemains()
    {
        var content = Render(StaffResolved());

        Assert.Equal("Resolved: Checkout works again for Acme (down 1 hour 20 minutes)", content.Subject);
        Assert.Contains("What was done\nThe database ran out of connections; we raised the pool size.\n", content.Text);
        Assert.Contains("- Restarted the checkout workers\n- Raised the connection pool from 50 to 200\n", content.Text);
        Assert.Contains("Our team spent 45 minutes on it.", content.Text);
        Assert.Contains("The problem started at 14:00 on Thursday 15 January 2026 (Europe/Berlin, UTC+01:00) and lasted 1 hour 20 minutes.", content.Text);
        Assert.Contains("What remains\n- Add an alert on connection pool usage\n", content.Text);
        Assert.Contains("In a while we will ask you whether everything works for you again.", content.Text);
        Assert.Equal(1, Count(content.Text, "The database ran out of connections"));
    }

    [Fact]
    public void AResolutionWithoutFollowUpsOrTimeSpentSaysNothingIsNeeded()
    {
        var text = Render(StaffResolved(StaffResolution(minutes: null, followUps: []))).Text;

        Assert.Contains("What remains\nNothing remains to be done on our side.\n", text);
        Assert.Contains("Nothing is needed from you.", text);
        Assert.DoesNotContain("Time our team spent", text);
    }

    [Fact]
    public void AResolutionAfterMonitoringsOwnRecoveryAlsoSaysWhatMonitoringSaw()
    {
        var text = Render(StaffResolved(StaffResolution(generated: "Checkout recovered at 14:12 after 12 minutes down."))).Text;

        Assert.Contains("What our monitoring saw: Checkout recovered at 14:12 after 12 minutes down.", text);
        Assert.DoesNotContain("What our monitoring saw", Render(StaffResolved()).Text);
    }

    [Fact]
    public void MonitoringsResolvedNoticeAddsTheGeneratedSummaryWhenThereIsOne()
    {
        var facts = IncidentNoticeTextTests.Facts(NoticeKind.IncidentResolved, [CheckoutBack], resolvedAt: Start.AddMinutes(20), at: Start.AddMinutes(20)) with
        {
            Resolution = IncidentResolution.Automatic("Checkout recovered after 20 minutes.", Start.AddMinutes(20)),
        };

        var text = Render(facts).Text;

        Assert.Contains("What our monitoring saw: Checkout recovered after 20 minutes.", text);
        Assert.Contains("Our monitoring shows Checkout working normally again.", text);
    }

    [Fact]
    public void ADismissedReportSaysNoFaultWasFoundWhyAndInvitesTheClientBack()
    {
        var content = Render(VariantFacts["dismissed"]);

        Assert.Equal("Your report about Checkout for Acme: no fault found on our side", content.Subject);
        Assert.Contains("We checked your report and found no fault on our side.", content.Text);
        Assert.Contains("What our team found: Your proxy blocks us", content.Text);
        Assert.Contains("If it still does not work for you, please tell us", content.Text);
        Assert.DoesNotContain("works again", content.Text);
    }

    [Fact]
    public void TheFollowUpLinksTheAnswerPageAndSaysNotFixedReopensTheIncident()
    {
        var content = Render(VariantFacts["follow-up"]);

        Assert.StartsWith("Is it working for you now?", content.Subject);
        Assert.Contains(FeedbackUrl, content.Text);
        Assert.Contains("If you tell us it is not fixed, we reopen the incident immediately", content.Text);
        Assert.Contains("We fixed the problem with Checkout for Acme at 15:20 on Thursday 15 January 2026", content.Text);
        Assert.Contains("The database ran out of connections; we raised the pool size.", content.Text);
        Assert.Contains("inc-42", content.Text);
    }

    [Fact]
    public void TheFollowUpWithoutALinkAsksForAReply()
    {
        var text = Render(VariantFacts["follow-up"] with { FeedbackUrl = null }).Text;

        Assert.Contains("Please reply to this message to tell us whether it works for you now", text);
        Assert.DoesNotContain("https://", text);
    }

    [Theory]
    [InlineData("follow-up")]
    [InlineData("survey")]
    public void TheFeedbackTokenAppearsOnlyInsideTheLink(string variant)
    {
        var content = Render(VariantFacts[variant]);

        Assert.Equal(1, Count(content.Text, "tok-s3cr3t"));
        Assert.Equal(1, Count(content.Text, FeedbackUrl));
        Assert.DoesNotContain("tok-s3cr3t", content.Subject);
    }

    [Fact]
    public void TheSurveyAsksForARatingFrom1To5AtTheLink()
    {
        var content = Render(VariantFacts["survey"]);

        Assert.StartsWith("How did we do?", content.Subject);
        Assert.Contains($"from 1 (poor) to 5 (excellent): {FeedbackUrl}", content.Text);
        Assert.Contains("optional", content.Text);
    }

    [Fact]
    public void ASuspectedReportAsksTheRespondersToConfirmOrDismissIt()
    {
        var content = Render(VariantFacts["reported"]);

        Assert.Contains("inc-42", content.Subject);
        Assert.Contains("client acme", content.Subject);
        Assert.Contains("What they reported\nCheckout hangs\n", content.Text);
        Assert.Contains("POST /api/v1/incidents/inc-42/confirm", content.Text);
        Assert.Contains("POST /api/v1/incidents/inc-42/dismiss", content.Text);
    }

    [Fact]
    public void AReportOnAConfirmedIncidentAsksTheRespondersForAnUpdateInstead()
    {
        var text = Render(VariantFacts["reported"] with { Stage = IncidentStage.Investigating }).Text;

        Assert.Contains("POST /api/v1/incidents/inc-42/updates", text);
        Assert.DoesNotContain("/confirm", text);
    }

    [Fact]
    public void AReopenedIncidentAsksTheRespondersToAcknowledgeIt()
    {
        var content = Render(VariantFacts["reopened"]);

        Assert.Equal("Reopened: inc-42 is not fixed for client acme", content.Subject);
        Assert.Contains("What they said\nStill fails\n", content.Text);
        Assert.Contains("It needs acknowledging: POST /api/v1/incidents/inc-42/acknowledge", content.Text);
    }

    [Fact]
    public void ANudgeSaysHowLongItWasQuietAndWhereToPostAnUpdate()
    {
        var content = Render(VariantFacts["nudge"]);

        Assert.StartsWith("Nudge: inc-42 needs an update", content.Subject);
        Assert.Contains("No update for 30 minutes. Incident inc-42 is at stage investigating.", content.Text);
        Assert.Contains("Affected clients were promised regular updates.", content.Text);
        Assert.Contains("POST /api/v1/incidents/inc-42/updates", content.Text);
        Assert.DoesNotContain("/acknowledge", content.Text);
    }

    [Fact]
    public void ANudgeOnAnUnacknowledgedIncidentAsksForAnAcknowledgement() =>
        Assert.Contains("Nobody has acknowledged it yet: POST /api/v1/incidents/inc-42/acknowledge",
            Render(VariantFacts["nudge"] with { Stage = IncidentStage.Detected }).Text);

    [Fact]
    public void ANudgeOnASuspectedReportAsksToConfirmOrDismissItAndClaimsNoHoldingUpdate()
    {
        var text = Render(VariantFacts["nudge"] with { Stage = IncidentStage.Suspected }).Text;

        Assert.Contains("POST /api/v1/incidents/inc-42/confirm", text);
        Assert.Contains("POST /api/v1/incidents/inc-42/dismiss", text);
        Assert.DoesNotContain("holding update", text);
    }

    [Fact]
    public void TheApiPathEscapesTheIncidentId()
    {
        var text = Render(VariantFacts["nudge"] with { IncidentId = "inc 42/x" }).Text;

        Assert.Contains("POST /api/v1/incidents/inc%2042%2Fx/updates", text);
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void SubjectsStayOnOneLineWhenUserStringsCarryHeaderInjection(string variant)
    {
        const string Injection = "\r\nBcc: x@y";
        var facts = VariantFacts[variant] with
        {
            ClientName = "Acme" + Injection,
            ContactName = "Dana" + Injection,
            By = (VariantFacts[variant].By ?? "Sam") + Injection,
            Message = "Line one" + Injection,
            IncidentId = "inc-42" + Injection,
            AffectedServices = [new AffectedService("checkout", "Checkout" + Injection, ServiceStatus.MajorOutage)],
        };

        var content = Render(facts);

        Assert.DoesNotContain(content.Subject, char.IsControl);
        Assert.Contains(" Bcc: x@y", content.Subject);
        Assert.DoesNotContain("  ", content.Subject);
        Assert.DoesNotContain('\r', content.Text);
        Assert.StartsWith("Hello Dana Bcc: x@y,\n", content.Text);
    }

    [Fact]
    public void ResolutionListsAndTheRespondersNameAreKeptToOneLineEach()
    {
        var resolution = StaffResolution() with { ActionsTaken = ["Restarted\r\nthe workers", "  "], FollowUps = ["Add\nan alert"] };

        var text = Render(StaffResolved(resolution)).Text;
        var acknowledged = Render(Bulletin(NoticeKind.IncidentAcknowledged, BulletinKind.Acknowledged, by: "Sam\r\nBcc: x@y")).Text;

        Assert.Contains("- Restarted the workers\n", text);
        Assert.Contains("- Add an alert\n", text);
        Assert.DoesNotContain("- \n", text);
        Assert.Contains("An engineer, Sam Bcc: x@y, is now working", acknowledged);
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void EveryNoticeGivesTheReferenceAndTheHtmlSaysEverythingTheTextSays(string variant)
    {
        var content = Render(VariantFacts[variant]);

        Assert.Contains("Incident reference\ninc-42: Checkout unavailable\n", content.Text);
        Assert.StartsWith("<!DOCTYPE html>", content.Html);
        foreach (var line in content.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            Assert.Contains(WebUtility.HtmlEncode(line.StartsWith("- ", StringComparison.Ordinal) ? line[2..] : line), content.Html);
        }
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void HtmlEncodesTheUserProvidedStrings(string variant)
    {
        var facts = VariantFacts[variant] with { Message = "<script>x</script>", By = "<b>Sam</b>", ClientName = "<i>Acme</i>" };

        var html = Render(facts).Html;

        Assert.DoesNotContain("<script>", html);
        Assert.DoesNotContain("<b>", html);
        Assert.DoesNotContain("<i>", html);
    }

    [Fact]
    public void EveryNoticeThePlannerYieldsForABulletinIsRendered()
    {
        foreach (var bulletin in Enum.GetValues<BulletinKind>())
        {
            foreach (var told in Enum.GetValues<ToldState>())
            {
                if (BulletinPlanner.KindFor(bulletin, told) is not { } kind)
                {
                    continue;
                }

                var content = Render(Bulletin(kind, bulletin, resolution: StaffResolution(), resolvedAt: Start.AddMinutes(80)));

                Assert.False(string.IsNullOrWhiteSpace(content.Subject), $"{bulletin} told {told}");
                Assert.Contains("inc-42", content.Text);
            }
        }
    }

    [Theory]
    [InlineData(NoticeKind.IncidentAcknowledged, BulletinKind.Updated)]
    [InlineData(NoticeKind.IncidentFollowUp, BulletinKind.Survey)]
    [InlineData(NoticeKind.IncidentNudge, BulletinKind.Reported)]
    [InlineData(NoticeKind.MaintenanceScheduled, BulletinKind.Declared)]
    public void KindsNoBulletinYieldsAreRefused(NoticeKind kind, BulletinKind bulletin) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Render(Bulletin(kind, bulletin)));

    [Theory]
    [InlineData(NoticeKind.IncidentFollowUp)]
    [InlineData(NoticeKind.IncidentEtaChanged)]
    [InlineData(NoticeKind.IncidentNudge)]
    public void KindsOnlyABulletinYieldsAreRefusedWithoutOne(NoticeKind kind) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Render(IncidentNoticeTextTests.Facts(kind)));

    private static int Count(string text, string value)
    {
        var count = 0;
        for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
