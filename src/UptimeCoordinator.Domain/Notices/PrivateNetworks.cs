using System.Net;
using System.Net.Sockets;

namespace UptimeCoordinator.Domain.Notices;

/// <summary>
/// Which addresses a webhook must not reach unless private networks are allowed: anything that is
/// not a public unicast destination (loopback, RFC 1918, link-local, CGNAT, unique local, multicast,
/// reserved and documentation ranges, and IPv6 forms that embed one of these).
/// </summary>
public static class PrivateNetworks
{
    /// <summary>True when <paramref name="address"/> is not a public unicast address.</summary>
    public static bool IsPrivate(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => IsPrivateV4(address.GetAddressBytes()),
            AddressFamily.InterNetworkV6 => IsPrivateV6(address.GetAddressBytes()),
            _ => true,
        };
    }

    /// <summary>
    /// Why a webhook URL is refused before any DNS lookup: its host is a literal private address or a
    /// <c>localhost</c> name. Null when the URL may be stored. A DNS name pointing at a private address
    /// passes here; the connect-time guard of the delivery refuses it.
    /// </summary>
    public static string? RefusalFor(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri)
        {
            return "the URL must be absolute";
        }

        var host = url.DnsSafeHost.TrimEnd('.');
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase))
        {
            return $"the host {host} is a loopback name";
        }

        return IPAddress.TryParse(host, out var address) && IsPrivate(address)
            ? $"the host {address} is a private, loopback or reserved address"
            : null;
    }

    private static bool IsPrivateV4(byte[] b) => b[0] switch
    {
        0 or 10 or 127 => true,
        100 => b[1] is >= 64 and <= 127,
        169 => b[1] == 254,
        172 => b[1] is >= 16 and <= 31,
        192 => (b[1] == 168)
            || (b[1] == 0 && b[2] is 0 or 2)
            || (b[1] == 88 && b[2] == 99),
        198 => b[1] is 18 or 19 || (b[1] == 51 && b[2] == 100),
        203 => b[1] == 0 && b[2] == 113,
        // 224/4 multicast, 240/4 reserved, which holds the broadcast address 255.255.255.255 too.
        >= 224 => true,
        _ => false,
    };

    private static bool IsPrivateV6(byte[] b)
    {
        if (IsZero(b, 0, 12))
        {
            // ::, ::1 and the deprecated IPv4-compatible ::a.b.c.d: none is a public destination.
            return true;
        }

        return (b[0], b[1]) switch
        {
            (0xff, _) => true,
            (0xfc or 0xfd, _) => true,
            (0xfe, _) => (b[1] & 0xc0) is 0x80 or 0xc0,
            // NAT64 carries an IPv4 address that the gateway will reach for us; local-use NAT64 is private.
            (0x00, 0x64) when b[2] == 0xff && b[3] == 0x9b => IsZero(b, 4, 8) ? IsPrivateV4(b[12..16]) : b[4] == 0 && b[5] == 1,
            // 100::/64 discards traffic.
            (0x01, 0x00) => IsZero(b, 2, 6),
            // 6to4 carries an IPv4 address as well.
            (0x20, 0x02) => IsPrivateV4(b[2..6]),
            // 2001::/32 is Teredo, 2001:db8::/32 documentation.
            (0x20, 0x01) => (b[2], b[3]) is (0x00, 0x00) or (0x0d, 0xb8),
            _ => false,
        };
    }

    private static bool IsZero(byte[] bytes, int start, int length) =>
        bytes.AsSpan(start, length).IndexOfAnyExcept((byte)0) < 0;
}
