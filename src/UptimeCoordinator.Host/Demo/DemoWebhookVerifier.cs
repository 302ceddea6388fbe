using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using UptimeCoordinator.Delivery.Webhooks;

namespace UptimeCoordinator.Host.Demo;

/// <summary>
/// Checks a webhook the way DESIGN tells receivers to: the Standard Webhooks signature over
/// <c>{id}.{timestamp}.{body}</c>, computed by the very signer the notices are sent with, and a
/// timestamp near this host's clock so a captured request cannot be replayed later.
/// </summary>
internal static class DemoWebhookVerifier
{
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    /// <summary>Null when the request is genuine; otherwise why not, for the 401.</summary>
    public static string? Refusal(IHeaderDictionary headers, string body, string secret, DateTimeOffset now)
    {
        var id = headers["webhook-id"].ToString();
        var timestampText = headers["webhook-timestamp"].ToString();
        var signatures = headers["webhook-signature"].ToString();
        if (id.Length == 0 || timestampText.Length == 0 || signatures.Length == 0)
        {
            return "The request lacks webhook-id, webhook-timestamp or webhook-signature.";
        }

        if (!long.TryParse(timestampText, NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp)
            || Math.Abs(now.ToUnixTimeSeconds() - timestamp) > Tolerance.TotalSeconds)
        {
            return $"webhook-timestamp is not Unix seconds within {Tolerance.TotalMinutes:0} minutes of this host's clock.";
        }

        var expected = Encoding.ASCII.GetBytes(StandardWebhookSignature.Sign(id, timestamp, body, secret));

        // A sender rotating its secret sends one signature per secret, separated by spaces; one match is enough.
        return signatures.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Any(s => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(s), expected))
            ? null
            : "webhook-signature does not match the body and the contact's secret.";
    }
}
