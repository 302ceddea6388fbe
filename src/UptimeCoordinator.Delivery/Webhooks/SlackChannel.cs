using System.Text;
using System.Text.Json.Nodes;
using UptimeCoordinator.Delivery.Dispatching;
using UptimeCoordinator.Domain.Notices;

namespace UptimeCoordinator.Delivery.Webhooks;

/// <summary>Posts the notice to a Slack-compatible incoming webhook as <c>{"text": "*subject*\ntext"}</c>.</summary>
internal sealed class SlackChannel(HttpNoticePoster poster) : IDeliveryChannel
{
    public NoticeChannel Channel => NoticeChannel.Slack;

    public string? Unconfigured => null;

    public string EndpointOf(NoticeDelivery delivery) => HttpNoticePoster.EndpointOf(delivery.To);

    public async Task<AttemptResult> SendAsync(NoticeDelivery delivery, CancellationToken cancellationToken)
    {
        if (!HttpNoticePoster.TryGetTarget(delivery.To, out var target))
        {
            return AttemptResult.Permanent("the Slack webhook URL is not an absolute http or https URL");
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, target)
        {
            Content = new StringContent(BodyOf(delivery.Content), Encoding.UTF8, "application/json"),
        };
        return await poster.PostAsync(request, cancellationToken);
    }

    internal static string BodyOf(NoticeContent content) =>
        new JsonObject { ["text"] = $"*{Escape(content.Subject)}*\n{Escape(content.Text)}" }.ToJsonString();

    // Slack reads &, < and > as markup (<!channel> pings everyone); its docs ask for these three escapes.
    private static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal);
}
