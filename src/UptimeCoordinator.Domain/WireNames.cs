using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json.Serialization;

namespace UptimeCoordinator.Domain;

/// <summary>
/// The wire name of an enum value: its <see cref="JsonStringEnumMemberNameAttribute"/>, the one
/// place the public vocabulary is written, so ids and headers cannot drift from the JSON.
/// </summary>
public static class WireNames
{
    private static readonly ConcurrentDictionary<Enum, string> Cache = new();

    public static string Of<T>(T value)
        where T : struct, Enum =>
        Cache.GetOrAdd(value, static v =>
            v.GetType().GetField(v.ToString())?.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name
            ?? throw new ArgumentOutOfRangeException(nameof(value), v, "The value has no wire name."));
}
