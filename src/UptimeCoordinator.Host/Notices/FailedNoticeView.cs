using UptimeCoordinator.Contracts.Notices;
using UptimeCoordinator.Domain.Notices;

namespace UptimeCoordinator.Host.Notices;

/// <summary>A failed notice with the client it belongs to, as <c>GET /api/v1/notices/failed</c> lists it.</summary>
public sealed record FailedNoticeView(
    string ClientId,
    string Id,
    NoticeKind Kind,
    NoticeChannel Channel,
    string ContactId,
    string SubjectId,
    string To,
    string Subject,
    NoticeState State,
    int Attempts,
    string? LastError,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastAttemptAt)
{
    public static FailedNoticeView Of(string clientId, NoticeView n) =>
        new(clientId, n.Id, n.Kind, n.Channel, n.ContactId, n.SubjectId, n.To, n.Subject, n.State, n.Attempts, n.LastError, n.CreatedAt, n.LastAttemptAt);
}
