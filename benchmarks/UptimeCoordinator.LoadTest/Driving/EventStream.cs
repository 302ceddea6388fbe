using System.Globalization;
using System.Text;

namespace UptimeCoordinator.LoadTest.Driving;

/// <summary>One report of the stream: a service seen down or up.</summary>
internal readonly record struct StreamEvent(string ServiceId, bool Down);

/// <summary>
/// The stream both systems are fed, as a monitoring tool produces it: every service reports in
/// turn, and each holds its status for <c>hold</c> reports before it flips. Most reports repeat what
/// is known (the hot path that must not write); one in <c>hold</c> is a transition that opens or
/// closes an incident. The same list becomes our events or Alertmanager's alerts.
/// </summary>
internal static class EventStream
{
    public static string ServiceId(int index) => $"svc-{index.ToString(CultureInfo.InvariantCulture)}";

    public static List<StreamEvent> Generate(int services, int count, int hold, bool startDown = true)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(services, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(hold, 1);
        var events = new List<StreamEvent>(count);
        for (var k = 0; k < count; k++)
        {
            var round = k / services;
            events.Add(new StreamEvent(ServiceId(k % services), (round / hold % 2 == 0) == startDown));
        }

        return events;
    }

    /// <summary>A healthy fleet's heartbeats: every service reports up, again and again; nothing changes.</summary>
    public static List<StreamEvent> Steady(int services, int count) => Generate(services, count, int.MaxValue, startDown: false);

    /// <summary>How many reports of <paramref name="events"/> change a service's status, counting each service's first.</summary>
    public static int Transitions(IEnumerable<StreamEvent> events)
    {
        var last = new Dictionary<string, bool>(StringComparer.Ordinal);
        var transitions = 0;
        foreach (var e in events)
        {
            if (!last.TryGetValue(e.ServiceId, out var down) || down != e.Down)
            {
                transitions++;
            }

            last[e.ServiceId] = e.Down;
        }

        return transitions;
    }

    /// <summary>The body of <c>POST /api/v1/events</c>: one object for a single event, else an array.</summary>
    public static string CoordinatorBody(IReadOnlyList<StreamEvent> batch)
    {
        var json = new StringBuilder();
        if (batch.Count != 1)
        {
            json.Append('[');
        }

        for (var i = 0; i < batch.Count; i++)
        {
            json.Append(i > 0 ? "," : "")
                .Append("{\"serviceId\":\"").Append(batch[i].ServiceId)
                .Append("\",\"status\":\"").Append(batch[i].Down ? "down" : "up")
                .Append("\",\"source\":\"loadtest\",\"check\":\"http\"}");
        }

        return batch.Count != 1 ? json.Append(']').ToString() : json.ToString();
    }

    /// <summary>
    /// The body of Alertmanager's <c>POST /api/v2/alerts</c> (always an array): a down report is a firing
    /// alert; an up report resolves it with an <c>endsAt</c> in the past, as Prometheus does.
    /// </summary>
    public static string AlertmanagerBody(IReadOnlyList<StreamEvent> batch, DateTimeOffset startsAt)
    {
        var starts = startsAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var ends = startsAt.AddSeconds(1).ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var json = new StringBuilder("[");
        for (var i = 0; i < batch.Count; i++)
        {
            json.Append(i > 0 ? "," : "")
                .Append("{\"labels\":{\"alertname\":\"ServiceDown\",\"service\":\"").Append(batch[i].ServiceId)
                .Append("\"},\"annotations\":{\"summary\":\"check http failed\"},\"startsAt\":\"").Append(starts).Append('"');
            if (!batch[i].Down)
            {
                json.Append(",\"endsAt\":\"").Append(ends).Append('"');
            }

            json.Append('}');
        }

        return json.Append(']').ToString();
    }

    /// <summary>Request bodies of <paramref name="batchSize"/> consecutive events each.</summary>
    public static List<string> Bodies(IReadOnlyList<StreamEvent> events, int batchSize, Func<IReadOnlyList<StreamEvent>, string> body) =>
        [.. events.Chunk(batchSize).Select(chunk => body(chunk))];
}
