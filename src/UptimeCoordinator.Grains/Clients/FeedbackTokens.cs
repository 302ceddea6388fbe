using System.Security.Cryptography;
using System.Text;

namespace UptimeCoordinator.Grains.Clients;

/// <summary>
/// The token a follow-up or survey link carries: an HMAC of the incident and contact under a key
/// only this client's state holds, so the answer needs no API key and cannot be forged for anyone else.
/// </summary>
internal static class FeedbackTokens
{
    public static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static string For(string key, string incidentId, string contactId)
    {
        var mac = HMACSHA256.HashData(Convert.FromBase64String(key), Encoding.UTF8.GetBytes($"{incidentId}\n{contactId}"));
        return Convert.ToBase64String(mac).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    public static bool Matches(string? key, string incidentId, string contactId, string token) =>
        key is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(For(key, incidentId, contactId)), Encoding.ASCII.GetBytes(token));
}
