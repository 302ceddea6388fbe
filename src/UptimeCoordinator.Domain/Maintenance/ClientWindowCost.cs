namespace UptimeCoordinator.Domain.Maintenance;

/// <summary>
/// What a window means to one client: its times on the client's own clock, which is what a notice
/// will show, and what the work costs it.
/// </summary>
/// <param name="Currency">The client's cost currency; null, as is <paramref name="Cost"/>, without a cost profile.</param>
/// <param name="Cost">Unrounded; null rather than a made-up zero when the client has no cost profile.</param>
public sealed record ClientWindowCost(
    string ClientId,
    string ClientName,
    string TimeZone,
    DateTimeOffset LocalStart,
    DateTimeOffset LocalEnd,
    string? Currency,
    decimal? Cost);
