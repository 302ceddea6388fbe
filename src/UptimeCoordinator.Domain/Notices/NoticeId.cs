using UptimeCoordinator.Domain.Clients;

namespace UptimeCoordinator.Domain.Notices;

/// <summary>
/// The idempotency key of a notice, end to end (outbox, <c>webhook-id</c>, email Message-Id): the
/// same subject, stage, step, contact and channel always give the same id, so a retry or a replayed
/// fan-out finds the notice it already planned instead of writing a second one.
/// </summary>
public static class NoticeId
{
    public static string For(string subjectId, NoticeKind kind, long sequence, string clientId, string contactId, NoticeChannel channel) =>
        For(subjectId, kind, sequence.ToString(System.Globalization.CultureInfo.InvariantCulture), clientId, contactId, channel);

    /// <summary>
    /// The id of a notice for a step the incident handed out itself: its sequence is the incident's
    /// own counter, written <c>u1</c>, <c>u2</c>…, so it never meets a service change's number.
    /// </summary>
    public static string ForBulletin(string incidentId, NoticeKind kind, long bulletinSequence, string clientId, string contactId, NoticeChannel channel) =>
        For(incidentId, kind, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"u{bulletinSequence}"), clientId, contactId, channel);

    private static string For(string subjectId, NoticeKind kind, string step, string clientId, string contactId, NoticeChannel channel) =>
        $"{subjectId}:{kind.WireName()}:{step}:{clientId}:{contactId}:{WireName(channel)}";

    public static string WireName(NoticeChannel channel) => WireNames.Of(channel);

    /// <summary>Whether <paramref name="id"/> could be a notice id, so a path segment can be refused early.</summary>
    public static bool LooksValid(string? id) =>
        id is { Length: > 0 and <= 400 } && id.Split(':') is { Length: 6 } parts && ClientId.IsValid(parts[3]) && ClientId.IsValid(parts[4]);
}
