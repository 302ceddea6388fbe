namespace UptimeCoordinator.Domain.Sla;

/// <summary>
/// A month whose uptime is strictly below <paramref name="BelowPercent"/> earns
/// <paramref name="CreditPercent"/> of the monthly fee back.
/// </summary>
public sealed record CreditTier(double BelowPercent, double CreditPercent);
