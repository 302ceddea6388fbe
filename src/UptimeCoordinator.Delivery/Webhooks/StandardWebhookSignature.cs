using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace UptimeCoordinator.Delivery.Webhooks;

/// <summary>
/// Signs webhook notices as Standard Webhooks (https://www.standardwebhooks.com) do, so a receiver can
/// verify them with any of its libraries. The request carries <c>webhook-id</c>,
/// <c>webhook-timestamp</c> (unix seconds) and <c>webhook-signature: v1,&lt;base64&gt;</c>, the
/// HMAC-SHA256 of <c>{id}.{timestamp}.{body}</c>.
/// </summary>
public static class StandardWebhookSignature
{
    /// <summary>The prefix of a Standard Webhooks secret, whose remainder is the base64 key.</summary>
    public const string SecretPrefix = "whsec_";

    /// <summary>The <c>webhook-signature</c> value for one request.</summary>
    /// <exception cref="FormatException">The secret starts with <see cref="SecretPrefix"/> but the rest is not base64.</exception>
    public static string Sign(string id, long timestamp, string body, string secret)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(body);
        var signed = Encoding.UTF8.GetBytes($"{id}.{timestamp.ToString(CultureInfo.InvariantCulture)}.{body}");
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(KeyOf(secret), signed));
    }

    /// <summary>
    /// The HMAC key: for a <c>whsec_</c> secret the base64-decoded remainder, as Standard Webhooks
    /// define it; for any other secret its UTF-8 bytes.
    /// </summary>
    /// <exception cref="FormatException">The secret starts with <see cref="SecretPrefix"/> but the rest is not base64.</exception>
    public static byte[] KeyOf(string secret)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        return secret.StartsWith(SecretPrefix, StringComparison.Ordinal)
            ? Convert.FromBase64String(secret[SecretPrefix.Length..])
            : Encoding.UTF8.GetBytes(secret);
    }
}
