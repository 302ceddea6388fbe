using System.Buffers.Text;
using System.Text;
using UptimeCoordinator.Domain;

namespace UptimeCoordinator.Host.Paging;

/// <summary>
/// <c>?limit=&amp;cursor=</c> on every list. The cursor is opaque to callers: the base64url form of
/// the index key to continue after.
/// </summary>
public sealed record PageRequest(int Limit, string? After)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    public static bool TryParse(string? limit, string? cursor, ValidationErrors errors, out PageRequest page)
    {
        page = new PageRequest(DefaultLimit, null);
        var size = DefaultLimit;
        if (limit is not null && (!int.TryParse(limit, out size) || size is < 1 or > MaxLimit))
        {
            errors.Add("limit", $"must be an integer from 1 to {MaxLimit}");
        }

        string? after = null;
        if (cursor is not null && !TryDecode(cursor, out after))
        {
            errors.Add("cursor", "is not a cursor this API returned");
        }

        page = new PageRequest(size, after);
        return errors.IsValid;
    }

    public static string? Encode(string? after) => after is null ? null : Base64Url.EncodeToString(Encoding.UTF8.GetBytes(after));

    private static bool TryDecode(string cursor, out string? after)
    {
        after = null;
        if (cursor.Length is 0 or > 512 || !Base64Url.IsValid(cursor))
        {
            return false;
        }

        after = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
        return true;
    }
}
