using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using UptimeCoordinator.Host.Tests.Http;
using UptimeCoordinator.Host.Tests.Infrastructure;
using UptimeCoordinator.Host.Tests.Notices;

namespace UptimeCoordinator.Host.Tests.Observability;

/// <summary>
/// One trace follows an event from the HTTP request that brings it, through the service, the
/// fan-out and the client grain, out to the webhook call that tells the contact, whose span does
/// not record the secret-bearing URL.
/// </summary>
public sealed class TraceTests
{
    [Fact]
    public async Task TheOutageWebhookCallIsInTheTraceOfTheEventThatCausedIt()
    {
        var traceId = ActivityTraceId.CreateRandom();
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.TraceId == traceId)
                {
                    spans.Enqueue(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);

        // Spans are recorded only with an exporter to send them to; nothing listens there, which the exporter shrugs off.
        await using var rig = await NoticeRig.StartAsync(new() { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = $"http://127.0.0.1:{FreePorts.Next()}" });
        var service = TestIds.Unique("traced");
        await rig.Api.CreateServiceAsync(service);
        await rig.CreateClientAsync(TestIds.Unique("traced-client"), [service], rig.WebhookContact("hook", "/traced"));

        using (var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/events")
        {
            Content = Json.Content(new EventBody(service, "down", TestTime.Now, "tracer", "http")),
        })
        {
            request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");
            using var response = await rig.Api.Monitor.SendAsync(request);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        await Eventually.HoldsAsync(() => rig.Receiver.Requests.Any(r => r.PathAndQuery == "/traced"), "the outage webhook");

        // A span is seen when it stops, and they stop in no fixed order: the fan-out's span ends
        // when every client has taken the step, which can be after the webhook call has been made.
        await WaitForSpanAsync(spans, IsWebhookCall, "the webhook call");
        await WaitForSpanAsync(spans, s => s.Source.Name == "UptimeCoordinator" && s.OperationName.StartsWith("fan-out ", StringComparison.Ordinal), "the fan-out");
        await WaitForSpanAsync(spans, s => s.OperationName == "deliver incident.detected", "the delivery");
        var call = spans.First(IsWebhookCall);
        Assert.DoesNotContain("/traced", call.GetTagItem("url.full") as string ?? "", StringComparison.Ordinal);
    }

    private static async Task WaitForSpanAsync(ConcurrentQueue<Activity> spans, Func<Activity, bool> wanted, string what)
    {
        for (var waited = 0; waited < 100 && !spans.Any(wanted); waited++)
        {
            await Task.Delay(100);
        }

        Assert.True(spans.Any(wanted), $"no {what} in the event's trace; its spans: {string.Join(", ", spans.Select(s => $"{s.Source.Name}/{s.OperationName}"))}");
    }

    private static bool IsWebhookCall(Activity span) =>
        span.Source.Name == "System.Net.Http" && span.Parent?.OperationName.StartsWith("deliver ", StringComparison.Ordinal) == true;
}
