namespace UptimeCoordinator.Delivery.Dispatching;

/// <summary>
/// What a channel reports for one attempt. <see cref="Error"/> is shown to the client's operators,
/// so it is short and carries no secret, body or URL path.
/// </summary>
internal sealed record AttemptResult(AttemptStatus Status, string? Error)
{
    public static AttemptResult Sent { get; } = new(AttemptStatus.Sent, null);

    /// <summary>The receiver may accept the same message later: a network error, a timeout, a busy server.</summary>
    public static AttemptResult Transient(string error) => new(AttemptStatus.Transient, error);

    /// <summary>Sending the same message again cannot succeed: a refusal, a redirect, a rejected address.</summary>
    public static AttemptResult Permanent(string error) => new(AttemptStatus.Permanent, error);
}
