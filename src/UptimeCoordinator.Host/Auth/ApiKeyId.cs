using System.Security.Cryptography;
using System.Text;

namespace UptimeCoordinator.Host.Auth;

/// <summary>
/// What a key goes by where the key itself must not be kept: the rate limiter's partitions and the
/// pages' cookies. A truncated SHA-256 tells keys apart without revealing them.
/// </summary>
public static class ApiKeyId
{
    public const string Claim = "key_id";

    public static string Of(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..16];
}
