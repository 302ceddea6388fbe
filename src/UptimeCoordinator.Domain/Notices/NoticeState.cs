using System.Text.Json.Serialization;

namespace UptimeCoordinator.Domain.Notices;

/// <summary>
/// A notice's delivery state: <c>pending → sent | failed</c>. <c>superseded</c> marks a notice that
/// was withdrawn before any attempt because a later step of the same incident made it moot.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<NoticeState>))]
public enum NoticeState
{
    [JsonStringEnumMemberName("pending")] Pending = 0,
    [JsonStringEnumMemberName("sent")] Sent = 1,
    [JsonStringEnumMemberName("failed")] Failed = 2,
    [JsonStringEnumMemberName("superseded")] Superseded = 3,
}
