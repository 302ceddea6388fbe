using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace UptimeCoordinator.Host.Integrations.Grafana;

/// <summary>
/// Grafana's webhook HMAC: hex-encoded HMAC-SHA256 with the contact point's secret over the raw body,
/// or over <c>timestamp + ":" + body</c> when a timestamp header is configured (Unix seconds).
/// </summary>
public static class GrafanaSignature
{
    /// <summary>How far a signed timestamp may be from this host's clock, either way.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    /// <param name="timestamp">The timestamp header's value when one is configured, else null.</param>
    public static SignatureCheck Verify(
        byte[] body, string secret, string? signature, bool timestamped, string? timestamp, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(signature) || (timestamped && string.IsNullOrWhiteSpace(timestamp)))
        {
            return SignatureCheck.Missing;
        }

        byte[] presented;
        try
        {
            presented = Convert.FromHexString(signature.Trim());
        }
        catch (FormatException)
        {
            return SignatureCheck.Invalid;
        }

        byte[] signed = timestamped ? [.. Encoding.UTF8.GetBytes(timestamp!.Trim() + ":"), .. body] : body;
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed);
        if (!CryptographicOperations.FixedTimeEquals(expected, presented))
        {
            return SignatureCheck.Invalid;
        }

        // Checked after the signature, so that only Grafana learns its clock is off.
        return !timestamped || IsRecent(timestamp!, now) ? SignatureCheck.Valid : SignatureCheck.Expired;
    }

    private static bool IsRecent(string timestamp, DateTimeOffset now) =>
        long.TryParse(timestamp.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) &&
        Math.Abs(now.ToUnixTimeSeconds() - seconds) <= MaxAge.TotalSeconds;
}
