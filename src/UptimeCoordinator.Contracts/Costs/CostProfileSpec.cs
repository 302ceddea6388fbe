using UptimeCoordinator.Domain.Costs;

namespace UptimeCoordinator.Contracts.Costs;

/// <summary>A client's cost profile as ops submit it and the API shows it.</summary>
[GenerateSerializer, Alias("uc.CostProfileSpec")]
public sealed record CostProfileSpec(
    [property: Id(0)] string Currency,
    [property: Id(1)] decimal CostPerHour,
    [property: Id(2)] double[] WeeklyUsage,
    [property: Id(3)] SeverityFactorsSpec SeverityFactors)
{
    public CostProfile ToDomain() => new(Currency, CostPerHour, WeeklyUsage, SeverityFactors.ToDomain());

    public static CostProfileSpec From(CostProfile p) => new(p.Currency, p.CostPerHour, [.. p.WeeklyUsage], SeverityFactorsSpec.From(p.SeverityFactors));
}

[GenerateSerializer, Alias("uc.SeverityFactorsSpec")]
public sealed record SeverityFactorsSpec(
    [property: Id(0)] double MajorOutage,
    [property: Id(1)] double PartialOutage,
    [property: Id(2)] double DegradedPerformance)
{
    public SeverityFactors ToDomain() => new(MajorOutage, PartialOutage, DegradedPerformance);

    public static SeverityFactorsSpec From(SeverityFactors f) => new(f.MajorOutage, f.PartialOutage, f.DegradedPerformance);
}
