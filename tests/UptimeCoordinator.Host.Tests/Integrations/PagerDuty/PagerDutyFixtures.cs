using System.Text.Json.Nodes;

namespace UptimeCoordinator.Host.Tests.Integrations.PagerDuty;

/// <summary>PagerDuty Events API v2 events, starting from PagerDuty's own documented examples.</summary>
public static class PagerDutyFixtures
{
    /// <summary>Verbatim: the request example of PagerDuty/api-schema reference/events-v2/openapiv3.json.</summary>
    public const string DocumentedTrigger = """
        {
          "payload": {
            "summary": "DISK at 99% on machine prod-datapipe03.example.com",
            "timestamp": "2015-07-17T08:42:58.315+0000",
            "severity": "critical",
            "source": "prod-datapipe03.example.com",
            "component": "mysql",
            "group": "prod-datapipe",
            "class": "disk",
            "custom_details": {
              "free space": "1%",
              "ping time": "1500ms",
              "load avg": 0.75
            }
          },
          "routing_key": "e93facc04764012d7bfb002500d5d1a6",
          "dedup_key": "srv01/mysql",
          "event_action": "trigger",
          "client": "Sample Monitoring Service",
          "client_url": "https://monitoring.service.com",
          "links": [
            {
              "href": "http://pagerduty.example.com",
              "text": "An example link."
            }
          ],
          "images": [
            {
              "src": "https://chart.googleapis.com/chart?chs=600x400&chd=t:6,2,9,5,2,5,7,4,8,2,1&cht=lc&chds=a&chxt=y&chm=D,0033FF,0,0,5,1",
              "href": "https://google.com",
              "alt": "An example link with an image"
            }
          ]
        }
        """;

    /// <summary>
    /// An acknowledge as the same schema defines it: routing_key and event_action required, dedup_key
    /// required unless triggering, no payload (the shape of PagerDuty's "Send an Alert Event" examples).
    /// </summary>
    public const string MinimalAcknowledge = """
        {
          "routing_key": "samplekeyhere",
          "dedup_key": "samplekeyhere",
          "event_action": "acknowledge"
        }
        """;

    /// <summary>A resolve, shaped as <see cref="MinimalAcknowledge"/>.</summary>
    public const string MinimalResolve = """
        {
          "routing_key": "samplekeyhere",
          "dedup_key": "samplekeyhere",
          "event_action": "resolve"
        }
        """;

    /// <summary>
    /// The documented trigger aimed at <paramref name="serviceId"/> (as its component) with a recent
    /// timestamp, and authenticated with <paramref name="routingKey"/>, or without one.
    /// </summary>
    public static JsonObject Trigger(string serviceId, string? dedupKey, string? routingKey = null, string severity = "critical")
    {
        var trigger = JsonNode.Parse(DocumentedTrigger)!.AsObject();
        var payload = trigger["payload"]!.AsObject();
        payload["component"] = serviceId;
        payload["severity"] = severity;
        // PagerDuty's own format: an offset without a colon.
        payload["timestamp"] = DateTimeOffset.UtcNow.AddMinutes(-5).ToString("yyyy-MM-dd'T'HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture) + "+0000";
        SetOrRemove(trigger, "dedup_key", dedupKey);
        SetOrRemove(trigger, "routing_key", routingKey);
        return trigger;
    }

    /// <summary>The documented acknowledge or resolve for <paramref name="dedupKey"/>.</summary>
    public static JsonObject Follow(string action, string dedupKey, string? routingKey = null)
    {
        var follow = JsonNode.Parse(action == "acknowledge" ? MinimalAcknowledge : MinimalResolve)!.AsObject();
        follow["dedup_key"] = dedupKey;
        SetOrRemove(follow, "routing_key", routingKey);
        return follow;
    }

    private static void SetOrRemove(JsonObject node, string name, string? value)
    {
        if (value is null)
        {
            node.Remove(name);
        }
        else
        {
            node[name] = value;
        }
    }
}
