using System.Net;

namespace UptimeCoordinator.Delivery.Webhooks;

/// <summary>Thrown at connect time when a webhook host resolves to an address the guard refuses.</summary>
internal sealed class PrivateAddressRefusedException(string host, IPAddress address)
    : Exception(host == address.ToString()
        ? $"refused: {address} is a private or loopback address ({Setting} is off)"
        : $"refused: {host} resolves to a private or loopback address, {address} ({Setting} is off)")
{
    private const string Setting = $"{WebhookOptions.SectionName}:AllowPrivateNetworks";
}
