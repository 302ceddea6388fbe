using System.Text;
using UptimeCoordinator.Delivery.Webhooks;

namespace UptimeCoordinator.Host.Demo;

/// <summary>A seeded webhook contact; its secret is fixed so that a restart with Redis keeps the same one.</summary>
internal sealed record DemoContact(string ClientId, string Id, string Name)
{
    /// <summary>A Standard Webhooks secret, so the receivers' own libraries can verify the demo's notices too.</summary>
    public string WebhookSecret { get; } =
        StandardWebhookSignature.SecretPrefix + Convert.ToBase64String(Encoding.UTF8.GetBytes($"demo-{ClientId}-{Id}-secret"));

    public string InboxPath => $"{DemoInboxApi.InboxPath}/{ClientId}/{Id}";
}
