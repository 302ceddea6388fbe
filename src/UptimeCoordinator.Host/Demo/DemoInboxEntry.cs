namespace UptimeCoordinator.Host.Demo;

/// <summary>
/// One webhook the demo inbox received, as <c>GET /demo/inbox.json</c> lists it: who it was for,
/// the notice kind and the words a person reads first, and the body exactly as it arrived.
/// </summary>
internal sealed record DemoInboxEntry(
    DateTimeOffset ReceivedAt,
    string ClientId,
    string ContactId,
    string WebhookId,
    string? Kind,
    string? Title,
    string? Summary,
    string Body);
