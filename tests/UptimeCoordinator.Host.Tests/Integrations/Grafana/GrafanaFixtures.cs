using System.Text.Json.Nodes;

namespace UptimeCoordinator.Host.Tests.Integrations.Grafana;

/// <summary>Grafana webhook payloads, starting from the example in Grafana's webhook notifier documentation.</summary>
public static class GrafanaFixtures
{
    /// <summary>
    /// Verbatim from grafana/grafana docs/sources/alerting/configure-notifications/manage-contact-points/integrations/webhook-notifier.md.
    /// </summary>
    public const string DocumentedExample = """
        {
          "receiver": "My Super Webhook",
          "status": "firing",
          "orgId": 1,
          "alerts": [
            {
              "status": "firing",
              "labels": {
                "alertname": "High memory usage",
                "team": "blue",
                "zone": "us-1"
              },
              "annotations": {
                "description": "The system has high memory usage",
                "runbook_url": "https://myrunbook.com/runbook/1234",
                "summary": "This alert was triggered for zone us-1"
              },
              "startsAt": "2021-10-12T09:51:03.157076+02:00",
              "endsAt": "0001-01-01T00:00:00Z",
              "generatorURL": "https://play.grafana.org/alerting/1afz29v7z/edit",
              "fingerprint": "c6eadffa33fcdf37",
              "silenceURL": "https://play.grafana.org/alerting/silence/new?alertmanager=grafana&matchers=alertname%3DT2%2Cteam%3Dblue%2Czone%3Dus-1",
              "dashboardURL": "",
              "panelURL": "",
              "values": {
                "B": 44.23943737541908,
                "C": 1
              }
            },
            {
              "status": "firing",
              "labels": {
                "alertname": "High CPU usage",
                "team": "blue",
                "zone": "eu-1"
              },
              "annotations": {
                "description": "The system has high CPU usage",
                "runbook_url": "https://myrunbook.com/runbook/1234",
                "summary": "This alert was triggered for zone eu-1"
              },
              "startsAt": "2021-10-12T09:56:03.157076+02:00",
              "endsAt": "0001-01-01T00:00:00Z",
              "generatorURL": "https://play.grafana.org/alerting/d1rdpdv7k/edit",
              "fingerprint": "bc97ff14869b13e3",
              "silenceURL": "https://play.grafana.org/alerting/silence/new?alertmanager=grafana&matchers=alertname%3DT1%2Cteam%3Dblue%2Czone%3Deu-1",
              "dashboardURL": "",
              "panelURL": "",
              "values": {
                "B": 44.23943737541908,
                "C": 1
              }
            }
          ],
          "groupLabels": {},
          "commonLabels": {
            "team": "blue"
          },
          "commonAnnotations": {},
          "externalURL": "https://play.grafana.org/",
          "version": "1",
          "groupKey": "{}:{}",
          "truncatedAlerts": 0,
          "title": "[FIRING:2]  (blue)",
          "state": "alerting",
          "message": "**Firing**\n\nLabels:\n - alertname = T2\n - team = blue\n - zone = us-1\nAnnotations:\n - description = This is the alert rule checking the second system\n - runbook_url = https://myrunbook.com\n - summary = This is my summary\nSource: https://play.grafana.org/alerting/1afz29v7z/edit\nSilence: https://play.grafana.org/alerting/silence/new?alertmanager=grafana&matchers=alertname%3DT2%2Cteam%3Dblue%2Czone%3Dus-1\n\nLabels:\n - alertname = T1\n - team = blue\n - zone = eu-1\nAnnotations:\nSource: https://play.grafana.org/alerting/d1rdpdv7k/edit\nSilence: https://play.grafana.org/alerting/silence/new?alertmanager=grafana&matchers=alertname%3DT1%2Cteam%3Dblue%2Czone%3Deu-1\n"
        }
        """;

    public const string FirstFingerprint = "c6eadffa33fcdf37";
    public const string SecondFingerprint = "bc97ff14869b13e3";

    public static JsonObject Example() => JsonNode.Parse(DocumentedExample)!.AsObject();

    public static JsonObject Alert(JsonObject webhook, int index) => webhook["alerts"]![index]!.AsObject();

    /// <summary>The documented example with both alerts labelled for <paramref name="serviceId"/>, started at <paramref name="startsAt"/>.</summary>
    public static JsonObject Firing(string serviceId, DateTimeOffset startsAt, int alerts = 2)
    {
        var webhook = Example();
        var list = webhook["alerts"]!.AsArray();
        while (list.Count > alerts)
        {
            list.RemoveAt(list.Count - 1);
        }

        for (var i = 0; i < list.Count; i++)
        {
            var alert = Alert(webhook, i);
            alert["labels"]!["service"] = serviceId;
            alert["startsAt"] = startsAt.AddSeconds(i).ToString("O");
        }

        return webhook;
    }

    /// <summary>Marks alert <paramref name="index"/> resolved at <paramref name="endsAt"/>, as Grafana sends it.</summary>
    public static JsonObject Resolve(JsonObject webhook, int index, DateTimeOffset endsAt)
    {
        var alert = Alert(webhook, index);
        alert["status"] = "resolved";
        alert["endsAt"] = endsAt.ToString("O");
        return webhook;
    }
}
