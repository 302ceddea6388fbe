namespace UptimeCoordinator.Delivery.Webhooks;

/// <summary>Rules for outgoing webhook and Slack requests (<c>Notifications:Webhooks</c>).</summary>
public sealed class WebhookOptions
{
    public const string SectionName = "Notifications:Webhooks";

    /// <summary>
    /// Whether a webhook may reach loopback, private, link-local and other non-public addresses. Off
    /// outside Development, so a contact's URL cannot probe the silo's own network.
    /// </summary>
    public bool AllowPrivateNetworks { get; set; }
}
