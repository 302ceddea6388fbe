namespace UptimeCoordinator.Domain.Maintenance;

/// <summary>An unrounded amount in one currency: sum before rounding, round only to show.</summary>
public sealed record CurrencyAmount(string Currency, decimal Amount);
