using System.Text;

namespace UptimeCoordinator.Delivery.Tests.Support;

/// <summary>One request as the receiver saw it on arrival.</summary>
internal sealed record ReceivedWebhook(
    int Number,
    string PathAndQuery,
    string? Id,
    string? Timestamp,
    string? Signature,
    string? ContentType,
    byte[] Body,
    bool SignatureVerified)
{
    public string BodyText => Encoding.UTF8.GetString(Body);
}
