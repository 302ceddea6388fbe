using UptimeCoordinator.Domain.Clients;
using UptimeCoordinator.Domain.Sla;

namespace UptimeCoordinator.Contracts.Costs;

/// <summary>A client's SLA terms as ops submit them and the API shows them.</summary>
[GenerateSerializer, Alias("uc.SlaSpec")]
public sealed record SlaSpec(
    [property: Id(0)] double TargetPercent,
    [property: Id(1)] int MaintenanceNoticeHours,
    [property: Id(2)] CreditTierSpec[] CreditTiers,
    [property: Id(3)] MoneyView MonthlyFee,
    [property: Id(4)] double PartialOutageWeight,
    [property: Id(5)] double DegradedWeight)
{
    public ClientSla ToDomain() => new(
        new SlaTerms(TargetPercent, MaintenanceNoticeHours, [.. CreditTiers.Select(t => new CreditTier(t.BelowPercent, t.CreditPercent))],
            MonthlyFee.Amount, PartialOutageWeight, DegradedWeight),
        MonthlyFee.Currency);

    public static SlaSpec From(ClientSla sla) => new(
        sla.Terms.TargetPercent, sla.Terms.MaintenanceNoticeHours, [.. sla.Terms.CreditTiers.Select(t => new CreditTierSpec(t.BelowPercent, t.CreditPercent))],
        new MoneyView(sla.Terms.MonthlyFee, sla.FeeCurrency), sla.Terms.PartialOutageWeight, sla.Terms.DegradedWeight);
}

[GenerateSerializer, Alias("uc.CreditTierSpec")]
public sealed record CreditTierSpec([property: Id(0)] double BelowPercent, [property: Id(1)] double CreditPercent);
