namespace UptimeCoordinator.Domain.Sla;

/// <summary>Checks a client's SLA terms, reporting paths such as <c>sla.creditTiers[1].creditPercent</c>.</summary>
public static class SlaTermsValidator
{
    public const int MaxNoticeHours = 8760;
    public const int MaxCreditTiers = 20;
    public const decimal MaxMonthlyFee = 1_000_000_000m;

    public static void Validate(SlaTerms terms, ValidationErrors errors, string prefix = "sla.")
    {
        // A target of 0 would be met by a month of total outage, which promises nothing.
        if (!double.IsFinite(terms.TargetPercent) || terms.TargetPercent is <= 0 or > 100)
        {
            errors.Add($"{prefix}targetPercent", "must be greater than 0 and at most 100");
        }

        if (terms.MaintenanceNoticeHours is < 0 or > MaxNoticeHours)
        {
            errors.Add($"{prefix}maintenanceNoticeHours", $"must be between 0 and {MaxNoticeHours} (a year)");
        }

        if (terms.MonthlyFee is < 0 or > MaxMonthlyFee)
        {
            errors.Add($"{prefix}monthlyFee", $"must be between 0 and {MaxMonthlyFee:0}");
        }

        ValidateWeight(terms.PartialOutageWeight, $"{prefix}partialOutageWeight", errors);
        ValidateWeight(terms.DegradedWeight, $"{prefix}degradedWeight", errors);
        ValidateTiers(terms.CreditTiers, $"{prefix}creditTiers", errors);
    }

    private static void ValidateWeight(double weight, string path, ValidationErrors errors)
    {
        if (!double.IsFinite(weight) || weight is < 0 or > 1)
        {
            errors.Add(path, "must be between 0 and 1");
        }
    }

    private static void ValidateTiers(IReadOnlyList<CreditTier>? tiers, string path, ValidationErrors errors)
    {
        if (tiers is null)
        {
            errors.Add(path, "is required; use an empty list for no credits");
            return;
        }

        if (tiers.Count > MaxCreditTiers)
        {
            errors.Add(path, $"must list at most {MaxCreditTiers} tiers");
            return;
        }

        var seen = new HashSet<double>();
        for (var i = 0; i < tiers.Count; i++)
        {
            var (below, credit) = tiers[i];
            if (!double.IsFinite(below) || below is <= 0 or > 100)
            {
                errors.Add($"{path}[{i}].belowPercent", "must be greater than 0 and at most 100");
            }
            else if (!seen.Add(below))
            {
                // Two credits for the same threshold leave the amount owed to chance.
                errors.Add($"{path}[{i}].belowPercent", $"{below} is listed twice");
            }

            if (!double.IsFinite(credit) || credit is < 0 or > 100)
            {
                errors.Add($"{path}[{i}].creditPercent", "must be between 0 and 100");
            }
        }
    }
}
