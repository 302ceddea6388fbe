namespace UptimeCoordinator.Domain.Maintenance;

/// <summary>
/// What ops ask the recommender for: where to put <see cref="Duration"/> of work between
/// <see cref="Earliest"/> and <see cref="Latest"/>. Checked by the caller; the recommender only
/// guards against input that would make no window at all.
/// </summary>
/// <param name="Duration">How long the work takes; need not be a whole number of quarter hours.</param>
/// <param name="Earliest">No window starts before this, nor before every affected client's notice has run from <paramref name="Now"/>.</param>
/// <param name="Latest">Every window ends by this.</param>
/// <param name="Count">How many suggestions, none overlapping another, so ops get real alternatives.</param>
/// <param name="Now">When the window would be announced: the notice runs from here.</param>
/// <param name="Freezes">Booked windows and declared freezes no suggestion may overlap.</param>
/// <param name="ExchangeRates">
/// Units of one ranking currency per unit of each cost currency, so a euro and a dollar rank
/// fairly; a currency not listed counts at 1. Only the ranking uses them: amounts stay in their own currency.
/// </param>
/// <param name="ClientLimit">How many of the most affected clients each suggestion names.</param>
public sealed record WindowSearch(
    TimeSpan Duration,
    DateTimeOffset Earliest,
    DateTimeOffset Latest,
    int Count,
    DateTimeOffset Now,
    IReadOnlyList<FreezeSpan> Freezes,
    IReadOnlyDictionary<string, decimal>? ExchangeRates = null,
    int ClientLimit = 10)
{
    /// <summary>The rate <see cref="ExchangeRates"/> gives <paramref name="currency"/>, 1 when it gives none.</summary>
    public decimal RateOf(string currency) => ExchangeRates?.GetValueOrDefault(currency, 1m) ?? 1m;
}
