using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using UptimeCoordinator.Domain.Notices;

namespace UptimeCoordinator.Delivery.Webhooks;

/// <summary>
/// The SSRF guard: the connect step of every webhook request. It resolves the host itself, refuses
/// the request when any address is private, and connects to exactly the addresses it checked, so a
/// DNS answer that changes between the check and the connect (rebinding) cannot slip through.
/// </summary>
internal sealed class PrivateNetworkGuard(IOptions<WebhookOptions> options)
{
    private readonly bool _allowPrivateNetworks = options.Value.AllowPrivateNetworks;

    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host.TrimStart('[').TrimEnd(']');
        var addresses = IPAddress.TryParse(host, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, cancellationToken);
        if (addresses.Length == 0)
        {
            throw new SocketException((int)SocketError.HostNotFound);
        }

        // One private address is enough to refuse: whoever controls the DNS could order the answers at will.
        if (!_allowPrivateNetworks && Array.Find(addresses, PrivateNetworks.IsPrivate) is { } refused)
        {
            throw new PrivateAddressRefusedException(host, refused);
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
