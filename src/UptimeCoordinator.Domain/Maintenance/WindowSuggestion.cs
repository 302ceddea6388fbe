namespace UptimeCoordinator.Domain.Maintenance;

/// <summary>One proposed window <c>[Start, End)</c> and what it would cost the clients it reaches.</summary>
/// <param name="Rank">1 for the cheapest; 0 for the comparison figure, which is not a suggestion.</param>
/// <param name="Score">
/// The ranking figure: every currency's cost at the search's exchange rate, added up. Only for
/// ordering; <paramref name="Costs"/> holds the amounts to show.
/// </param>
/// <param name="Costs">The total in each currency the affected clients' profiles use, by currency code.</param>
/// <param name="AffectedClients">Every client the work reaches, priced or not; <paramref name="Clients"/> may list fewer.</param>
/// <param name="Clients">The most costly clients first, then by id.</param>
public sealed record WindowSuggestion(
    int Rank,
    DateTimeOffset Start,
    DateTimeOffset End,
    decimal Score,
    IReadOnlyList<CurrencyAmount> Costs,
    int AffectedClients,
    IReadOnlyList<ClientWindowCost> Clients);
