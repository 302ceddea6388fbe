using System.Collections.Frozen;

namespace UptimeCoordinator.Domain.Notices;

/// <summary>Wire names of <see cref="NoticeKind"/> and which kinds quiet hours may hold back.</summary>
public static class NoticeKinds
{
    private static readonly FrozenDictionary<string, NoticeKind> ByName =
        Enum.GetValues<NoticeKind>().ToFrozenDictionary(WireNames.Of, k => k, StringComparer.Ordinal);

    public static IReadOnlyCollection<string> AllNames => ByName.Keys;

    public static string WireName(this NoticeKind kind) => WireNames.Of(kind);

    public static bool TryParse(string? name, out NoticeKind kind) => ByName.TryGetValue(name ?? "", out kind);

    /// <summary>
    /// Urgent kinds go out even in a contact's quiet hours: news that something broke, that someone
    /// is on it, that the ETA moved, and that it is fixed. Whoever was woken by the first hears the last.
    /// What goes to the responders is urgent too: it is their job to act on it.
    /// </summary>
    public static bool IsUrgent(this NoticeKind kind) => kind is NoticeKind.IncidentDetected
        or NoticeKind.IncidentAcknowledged or NoticeKind.IncidentEtaChanged or NoticeKind.IncidentResolved
        or NoticeKind.IncidentReported or NoticeKind.IncidentReopened or NoticeKind.IncidentNudge;

    /// <summary>Incident notices meant for clients, as opposed to the responders' and maintenance ones.</summary>
    public static bool IsClientIncidentKind(this NoticeKind kind) => kind is >= NoticeKind.IncidentDetected and <= NoticeKind.IncidentSurvey;

    /// <summary>Kinds that tell a contact the incident is still broken (as opposed to fixed, or asking how it went).</summary>
    public static bool TellsBroken(this NoticeKind kind) => kind is NoticeKind.IncidentDetected
        or NoticeKind.IncidentAcknowledged or NoticeKind.IncidentUpdate or NoticeKind.IncidentEtaChanged;
}
