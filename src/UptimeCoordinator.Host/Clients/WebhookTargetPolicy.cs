namespace UptimeCoordinator.Host.Clients;

/// <summary>
/// Whether contacts may point webhooks at loopback and private addresses
/// (<c>Notifications:Webhooks:AllowPrivateNetworks</c>; on by default only in Development).
/// </summary>
public sealed record WebhookTargetPolicy(bool AllowPrivateNetworks);
