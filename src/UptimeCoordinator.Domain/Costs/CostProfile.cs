namespace UptimeCoordinator.Domain.Costs;

/// <summary>
/// What an hour of full outage costs a client, and how that varies over its week.
/// <see cref="WeeklyUsage"/> holds <see cref="Costs.WeeklyUsage.Hours"/> weights in the client's
/// local time, index 0 = Monday 00:00–01:00; they are used as given, so 0 means nobody works then
/// and a curve need not average 1. Money is <see cref="decimal"/> so sums of many small accruals
/// stay exact to the cent.
/// </summary>
public sealed record CostProfile(string Currency, decimal CostPerHour, IReadOnlyList<double> WeeklyUsage, SeverityFactors SeverityFactors)
{
    /// <summary>A profile on the default business-hours curve with the default severity factors.</summary>
    public static CostProfile BusinessHours(string currency, decimal costPerHour) =>
        new(currency, costPerHour, Costs.WeeklyUsage.BusinessHours, SeverityFactors.Default);
}
