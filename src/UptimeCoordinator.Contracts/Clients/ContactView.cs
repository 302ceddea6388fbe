using UptimeCoordinator.Domain.Clients;
using UptimeCoordinator.Domain.Notices;

namespace UptimeCoordinator.Contracts.Clients;

/// <summary>A contact as the API shows it: the webhook secret is write-only, only its presence shows.</summary>
[GenerateSerializer, Alias("uc.ContactView")]
public sealed record ContactView(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string? Email,
    [property: Id(3)] string? WebhookUrl,
    [property: Id(4)] bool HasWebhookSecret,
    [property: Id(5)] string? SlackWebhookUrl,
    [property: Id(6)] NoticeKind[]? Stages,
    [property: Id(7)] QuietHoursSpec? QuietHours,
    [property: Id(8)] string? TimeZone)
{
    public static ContactView From(Contact c) => new(
        c.Id, c.Name, c.Email, c.WebhookUrl, c.WebhookSecret is not null, c.SlackWebhookUrl,
        c.Stages is null ? null : [.. c.Stages], c.QuietHours is null ? null : QuietHoursSpec.From(c.QuietHours), c.TimeZone);
}
