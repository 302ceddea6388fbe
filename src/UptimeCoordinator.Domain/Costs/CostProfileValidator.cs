namespace UptimeCoordinator.Domain.Costs;

/// <summary>
/// Checks a cost profile before it is stored. The bounds keep every figure the engine can produce
/// inside <see cref="decimal"/>'s range (a billion an hour, weighted a thousandfold, over ten
/// thousand years still fits), so a read never overflows on data we accepted.
/// </summary>
public static class CostProfileValidator
{
    public const decimal MaxCostPerHour = 1_000_000_000m;
    public const double MaxUsageWeight = 1000;
    public const double MaxSeverityFactor = 10;

    public static void Validate(CostProfile profile, ValidationErrors errors, string prefix = "costProfile.")
    {
        if (!Currencies.IsKnown(profile.Currency))
        {
            errors.Add($"{prefix}currency", $"'{profile.Currency}' is not an ISO 4217 currency code such as EUR or USD");
        }

        if (profile.CostPerHour is < 0 or > MaxCostPerHour)
        {
            errors.Add($"{prefix}costPerHour", $"must be between 0 and {MaxCostPerHour:0}");
        }

        ValidateWeeklyUsage(profile.WeeklyUsage, errors, $"{prefix}weeklyUsage");
        ValidateSeverityFactors(profile.SeverityFactors, errors, $"{prefix}severityFactors");
    }

    private static void ValidateWeeklyUsage(IReadOnlyList<double>? weights, ValidationErrors errors, string path)
    {
        if (weights is null || weights.Count != WeeklyUsage.Hours)
        {
            errors.Add(path, $"must list exactly {WeeklyUsage.Hours} hour-of-week weights, Monday 00:00 first");
            return;
        }

        for (var hour = 0; hour < weights.Count; hour++)
        {
            if (!IsInRange(weights[hour], MaxUsageWeight))
            {
                errors.Add($"{path}[{hour}]", $"must be between 0 and {MaxUsageWeight}");
            }
        }
    }

    private static void ValidateSeverityFactors(SeverityFactors? factors, ValidationErrors errors, string path)
    {
        if (factors is null)
        {
            errors.Add(path, "is required");
            return;
        }

        Check(factors.MajorOutage, "majorOutage");
        Check(factors.PartialOutage, "partialOutage");
        Check(factors.DegradedPerformance, "degradedPerformance");

        void Check(double factor, string name)
        {
            if (!IsInRange(factor, MaxSeverityFactor))
            {
                errors.Add($"{path}.{name}", $"must be between 0 and {MaxSeverityFactor}");
            }
        }
    }

    private static bool IsInRange(double value, double max) => double.IsFinite(value) && value >= 0 && value <= max;
}
