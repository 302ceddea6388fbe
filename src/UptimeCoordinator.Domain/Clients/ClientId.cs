using UptimeCoordinator.Domain.Services;

namespace UptimeCoordinator.Domain.Clients;

/// <summary>Client and contact ids follow the service id's slug rules: they sit in URLs and notice ids unescaped.</summary>
public static class ClientId
{
    public const string Pattern = ServiceId.Pattern;

    public static bool IsValid(string? id) => ServiceId.IsValid(id);
}
