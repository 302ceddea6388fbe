using UptimeCoordinator.Domain.Clients;
using UptimeCoordinator.Domain.Notices;

namespace UptimeCoordinator.Contracts.Clients;

/// <summary>A contact as ops submit it; <see cref="WebhookSecret"/> travels inward only.</summary>
[GenerateSerializer, Alias("uc.ContactSpec")]
public sealed record ContactSpec(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string? Email,
    [property: Id(3)] string? WebhookUrl,
    [property: Id(4)] string? WebhookSecret,
    [property: Id(5)] string? SlackWebhookUrl,
    [property: Id(6)] NoticeKind[]? Stages,
    [property: Id(7)] QuietHoursSpec? QuietHours,
    [property: Id(8)] string? TimeZone)
{
    public Contact ToDomain() =>
        new(Id, Name, Email, WebhookUrl, WebhookSecret, SlackWebhookUrl, Stages, QuietHours?.ToDomain(), TimeZone);
}
