using UptimeCoordinator.Domain.Notices;

namespace UptimeCoordinator.Contracts.Notices;

/// <summary>One notice with its delivery state, as the notice log shows it.</summary>
[GenerateSerializer, Alias("uc.NoticeView")]
public sealed record NoticeView(
    [property: Id(0)] string Id,
    [property: Id(1)] NoticeKind Kind,
    [property: Id(2)] NoticeChannel Channel,
    [property: Id(3)] string ContactId,
    [property: Id(4)] string SubjectId,
    [property: Id(5)] string To,
    [property: Id(6)] string Subject,
    [property: Id(7)] string Text,
    [property: Id(8)] NoticeState State,
    [property: Id(9)] int Attempts,
    [property: Id(10)] string? LastError,
    [property: Id(11)] DateTimeOffset CreatedAt,
    [property: Id(12)] DateTimeOffset DueAt,
    [property: Id(13)] DateTimeOffset? LastAttemptAt,
    [property: Id(14)] DateTimeOffset? SentAt)
{
    public static NoticeView From(Notice n) => new(
        n.Id, n.Kind, n.Channel, n.ContactId, n.SubjectId, Redact(n), n.Content.Subject, n.Content.Text, n.State, n.Attempts,
        n.LastError, n.CreatedAt, n.DueAt, n.LastAttemptAt, n.SentAt);

    // Webhook and Slack URLs often carry their token in the path; the log names the host only.
    private static string Redact(Notice n) =>
        n.Channel == NoticeChannel.Email || !Uri.TryCreate(n.To, UriKind.Absolute, out var uri) ? n.To : uri.GetLeftPart(UriPartial.Authority);
}
