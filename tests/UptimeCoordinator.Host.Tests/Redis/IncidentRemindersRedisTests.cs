using System.Net;
using UptimeCoordinator.Host.Tests.Infrastructure;
using Xunit.Abstractions;

namespace UptimeCoordinator.Host.Tests.Redis;

/// <summary>
/// An incident's scheduled steps after resolution, the follow-up that closes it and the survey, are
/// persisted with a reminder in Redis: they still happen, once each, when the only host dies before
/// they are due and a fresh one takes over.
/// </summary>
public sealed class IncidentRemindersRedisTests(ITestOutputHelper output)
{
    private const string KindHeader = RestartScenario.KindHeader;
    private static readonly TimeSpan FollowUpDelay = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan SurveyDelay = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan StepsTimeout = TimeSpan.FromSeconds(90);

    [SkippableFact]
    public async Task FollowUpAndSurveyArriveOnceEachAfterTheOnlyHostIsKilledBeforeTheyAreDue()
    {
        await using var scenario = await RestartScenario.StartAsync(
            output,
            new Dictionary<string, string> { ["Notifications__FollowUpDelay"] = "PT15S", ["Notifications__SurveyDelay"] = "PT20S" },
            StepsTimeout);
        var (smtp, hosts, clock, run) = (scenario.Smtp, scenario.Hosts, scenario.Clock, scenario.Run);
        try
        {
            var a = await scenario.StartHostAsync(scenario.FirstHost, "A");
            var (serviceId, clientId) = (scenario.ServiceId, scenario.ClientId);
            await scenario.DefineServiceAndClientAsync(a, "Checkout (reminder test)");

            await a.SendJsonAsync(HttpMethod.Post, "api/v1/events",
                new { serviceId, status = "down", check = "http", source = "redis-test", eventId = $"down-{run}" },
                HttpStatusCode.Accepted);
            await Eventually.HoldsAsync(() => scenario.Kinds() is ["incident.detected"], "the outage email");
            var down = await a.SendJsonAsync(HttpMethod.Get, $"api/v1/services/{serviceId}", null, HttpStatusCode.OK);
            var incidentId = down.GetProperty("openIncidentId").GetString()!;
            var incidentPath = $"api/v1/incidents/{Uri.EscapeDataString(incidentId)}";

            var resolved = await a.SendJsonAsync(HttpMethod.Post, $"{incidentPath}/resolve", new
            {
                by = "oncall",
                summary = "Restarted the payment gateway.",
                actionsTaken = new[] { "x" },
                timeSpentMinutes = 10,
                followUps = Array.Empty<string>(),
            }, HttpStatusCode.OK);
            Assert.Equal("resolved", resolved.GetProperty("stage").GetString());
            var resolvedAt = resolved.GetProperty("resolvedAt").GetDateTimeOffset();
            var followUpDue = resolvedAt + FollowUpDelay;
            var surveyDue = resolvedAt + SurveyDelay;

            await Eventually.HoldsAsync(() => scenario.Kinds() is ["incident.detected", "incident.resolved"], "the resolution email");
            Assert.StartsWith("Resolved", smtp.Messages[1].Subject, StringComparison.Ordinal);

            // Killed only once the outbox has recorded both as sent: a resent resolution is not what this test is about.
            await Eventually.HoldsAsync(async () => await scenario.NoticeStatesAsync(a) is ["sent", "sent"],
                "both notices recorded as sent");
            var killedAhead = followUpDue - DateTimeOffset.UtcNow;
            Assert.True(killedAhead > TimeSpan.FromSeconds(5), $"The host would be killed only {killedAhead.TotalSeconds:0.0} s before the follow-up is due.");
            await a.KillAsync();
            output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: incident {incidentId} resolved; host A killed {killedAhead.TotalSeconds:0.0} s before the follow-up is due");

            // Nothing touches the incident from here on: only its reminder, read from Redis, can wake it.
            var b = await scenario.StartHostAsync(scenario.FreshHost, "B");
            var followUpArrived = await scenario.WaitForEmailAsync(b, "incident.followup");
            var surveyArrived = await scenario.WaitForEmailAsync(b, "incident.survey");

            // A repeated tick or a second wake-up would send its copy right behind the first.
            await Task.Delay(TimeSpan.FromSeconds(2));
            var closed = await b.SendJsonAsync(HttpMethod.Get, incidentPath, null, HttpStatusCode.OK);
            Assert.Equal("closed", closed.GetProperty("stage").GetString());
            var followUpSentAt = closed.GetProperty("followUpSentAt").GetDateTimeOffset();
            var surveySentAt = closed.GetProperty("surveySentAt").GetDateTimeOffset();
            Assert.True(followUpSentAt >= followUpDue, $"The follow-up was taken at {followUpSentAt:O}, before it was due at {followUpDue:O}.");
            Assert.True(surveySentAt >= surveyDue, $"The survey was taken at {surveySentAt:O}, before it was due at {surveyDue:O}.");
            var stepsLine = $"Incident {incidentId}: scheduled steps due";
            Assert.True(b.Log.Contains(stepsLine), "The fresh host B does not log that it took the incident's scheduled steps.");
            Assert.False(a.Log.Contains(stepsLine), "The killed host A took a scheduled step before it died.");

            var messages = smtp.Messages;
            Assert.Equal(["incident.detected", "incident.resolved", "incident.followup", "incident.survey"], scenario.Kinds());
            Assert.Equal(messages.Count, messages.Select(m => m.MessageId).Distinct().Count());
            var followUp = messages.Single(m => m.Headers[KindHeader] == "incident.followup");
            var survey = messages.Single(m => m.Headers[KindHeader] == "incident.survey");
            foreach (var message in new[] { followUp, survey })
            {
                Assert.Equal("alice@acme.example", Assert.Single(message.To.Mailboxes).Address);
                Assert.Contains(incidentId, message.Headers["X-Uptime-Notice-Id"], StringComparison.Ordinal);
            }

            Assert.StartsWith("Is it working for you now?", followUp.Subject, StringComparison.Ordinal);
            Assert.StartsWith("How did we do?", survey.Subject, StringComparison.Ordinal);
            Assert.Contains("from 1 (poor) to 5 (excellent)", survey.TextBody, StringComparison.Ordinal);
            var notices = await scenario.NoticeStatesAsync(b);
            Assert.True(notices is ["sent", "sent", "sent", "sent"], $"The outbox holds notices in states {string.Join(", ", notices)}, not four sent.");

            output.WriteLine($"follow-up: taken {(followUpSentAt - followUpDue).TotalSeconds:0.00} s and delivered {(followUpArrived - followUpDue).TotalSeconds:0.00} s after it was due");
            output.WriteLine($"survey: taken {(surveySentAt - surveyDue).TotalSeconds:0.00} s and delivered {(surveyArrived - surveyDue).TotalSeconds:0.00} s after it was due");
        }
        catch (Exception ex) when (ex is not Xunit.SkipException)
        {
            throw await hosts.FailureWithLogsAsync(ex);
        }

        output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s in all");
    }
}
