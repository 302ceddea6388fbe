namespace UptimeCoordinator.Host.Tests.Integrations.Generic;

/// <summary>Payloads of the generic formats.</summary>
public static class GenericFixtures
{
    /// <summary>Verbatim: <c>example_payload</c> of grafana/oncall engine/config_integrations/formatted_webhook.py.</summary>
    public const string FormattedWebhookExample = """
        {
          "alert_uid": "08d6891a-835c-e661-39fa-96b6a9e26552",
          "title": "TestAlert: The whole system is down",
          "image_url": "https://upload.wikimedia.org/wikipedia/commons/e/ee/Grumpy_Cat_by_Gage_Skidmore.jpg",
          "state": "alerting",
          "link_to_upstream_details": "https://en.wikipedia.org/wiki/Downtime",
          "message": "This alert was sent by user for the demonstration purposes\nSmth happened. Oh no!"
        }
        """;

    /// <summary>The example with another <c>state</c>.</summary>
    public static string FormattedWebhook(string state) =>
        FormattedWebhookExample.Replace("\"state\": \"alerting\"", $"\"state\": \"{state}\"", StringComparison.Ordinal);
}
