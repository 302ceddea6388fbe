using System.Text.Json.Serialization;

namespace UptimeCoordinator.Domain.Notices;

/// <summary>How a notice reaches its contact.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<NoticeChannel>))]
public enum NoticeChannel
{
    [JsonStringEnumMemberName("email")] Email = 1,
    [JsonStringEnumMemberName("webhook")] Webhook = 2,
    [JsonStringEnumMemberName("slack")] Slack = 3,
}
