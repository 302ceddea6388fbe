using UptimeCoordinator.Domain.Costs;

namespace UptimeCoordinator.Contracts.Costs;

/// <summary>Money as the API shows it (DESIGN.md §4): an amount rounded to the cent, and its currency.</summary>
[GenerateSerializer, Alias("uc.MoneyView")]
public sealed record MoneyView([property: Id(0)] decimal Amount, [property: Id(1)] string Currency)
{
    public static MoneyView Of(decimal amount, string currency) => new(CostEngine.Round(amount), currency);

    /// <summary>A figure across currencies: one entry per currency, summed, largest first.</summary>
    public static MoneyView[] Sum(IEnumerable<MoneyView> amounts) =>
        [.. amounts.GroupBy(m => m.Currency, StringComparer.Ordinal)
            .Select(g => new MoneyView(g.Sum(m => m.Amount), g.Key))
            .OrderByDescending(m => m.Amount).ThenBy(m => m.Currency, StringComparer.Ordinal)];
}
