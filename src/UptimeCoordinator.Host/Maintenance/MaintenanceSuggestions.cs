using UptimeCoordinator.Contracts.Costs;
using UptimeCoordinator.Contracts.Maintenance;
using UptimeCoordinator.Domain;
using UptimeCoordinator.Domain.Costs;
using UptimeCoordinator.Domain.Maintenance;
using UptimeCoordinator.Domain.Time;
using UptimeCoordinator.Grains.Maintenance;

namespace UptimeCoordinator.Host.Maintenance;

/// <summary>
/// <c>POST /api/v1/maintenance/suggestions</c>: validates the question, gathers what the work would
/// cost every client it reaches (through subscriptions and dependencies) and the windows already
/// planned, and lets the recommender rank the candidates.
/// </summary>
internal static class MaintenanceSuggestions
{
    public const int DefaultCount = 5;
    public const int MaxCount = 50;
    public const int DefaultClientLimit = 100;
    public const int MaxClientLimit = 10_000;
    public const int MaxFreezes = 100;
    public static readonly TimeSpan DefaultRange = TimeSpan.FromDays(14);
    public static readonly TimeSpan MaxRange = TimeSpan.FromDays(31);

    public sealed record Query(string[] ServiceIds, WindowSearch Search);

    public static Query? Map(SuggestionsRequest r, DateTimeOffset now, TimeSpan maxDuration, ValidationErrors errors)
    {
        MaintenancePlanRules.CheckServices(r.ServiceIds, errors);
        var duration = TimeSpan.Zero;
        if (r.Duration is null)
        {
            errors.Add("duration", "is required (an ISO 8601 duration such as PT2H)");
        }
        else if (!IsoDuration.TryParse(r.Duration, out duration) || duration <= TimeSpan.Zero || duration > maxDuration)
        {
            errors.Add("duration", $"must be an ISO 8601 duration longer than zero and at most {IsoDuration.Format(maxDuration)}");
        }

        var earliest = r.Earliest ?? now;
        var latest = r.Latest ?? earliest + DefaultRange;
        if (latest <= earliest)
        {
            errors.Add("latest", "must be after earliest");
        }
        else if (latest - earliest > MaxRange)
        {
            errors.Add("latest", "the range may span at most P31D");
        }
        else if (latest <= now)
        {
            errors.Add("latest", "is in the past");
        }

        if (r.Count is < 1 or > MaxCount)
        {
            errors.Add("count", $"must be from 1 to {MaxCount}");
        }

        if (r.ClientLimit is < 0 or > MaxClientLimit)
        {
            errors.Add("clientLimit", $"must be from 0 to {MaxClientLimit}");
        }

        var freezes = Freezes(r.Freezes, errors);
        foreach (var (currency, rate) in r.ExchangeRates ?? [])
        {
            if (!Currencies.IsKnown(currency))
            {
                errors.Add($"exchangeRates.{currency}", "is not an ISO 4217 currency code");
            }
            else if (rate <= 0)
            {
                errors.Add($"exchangeRates.{currency}", "must be greater than zero");
            }
        }

        return errors.IsValid
            ? new Query(
                [.. r.ServiceIds!.Distinct(StringComparer.Ordinal)],
                new WindowSearch(duration, earliest, latest, r.Count ?? DefaultCount, now, freezes, r.ExchangeRates, r.ClientLimit ?? DefaultClientLimit))
            : null;
    }

    public static async Task<SuggestionsView> RunAsync(IGrainFactory grains, Query query)
    {
        var search = query.Search;
        var exposures = await MaintenanceReach.ExposuresAsync(grains, query.ServiceIds);
        var planned = await grains.GetGrain<IMaintenanceIndexGrain>(IMaintenanceIndexGrain.Key)
            .OverlappingAsync(query.ServiceIds, search.Earliest, search.Latest);
        var freezes = search.Freezes
            .Concat(planned.Where(w => w.IsActive).Select(w => new FreezeSpan(w.Start, w.End)))
            .ToList();
        var recommendation = WindowRecommender.Recommend(search with { Freezes = freezes }, exposures);
        var now = View(recommendation.Comparison, null);
        return new SuggestionsView(
            query.ServiceIds,
            IsoDuration.Format(search.Duration),
            recommendation.RequiredNoticeHours,
            recommendation.EffectiveEarliest,
            recommendation.CandidatesConsidered,
            exposures.Count,
            [.. recommendation.Suggestions.Select(s => View(s, recommendation.Comparison))],
            now);
    }

    private static SuggestionView View(WindowSuggestion s, WindowSuggestion? comparison) => new(
        s.Rank,
        s.Start,
        s.End,
        MoneyView.Sum(s.Costs.Select(c => MoneyView.Of(c.Amount, c.Currency))),
        Math.Round(s.Score, 2, MidpointRounding.AwayFromZero),
        comparison is null
            ? []
            : MoneyView.Sum(comparison.Costs.Select(c => MoneyView.Of(c.Amount - (s.Costs.FirstOrDefault(x => x.Currency == c.Currency)?.Amount ?? 0), c.Currency))),
        s.AffectedClients,
        [.. s.Clients.Select(c => new SuggestedClientView(
            c.ClientId, c.ClientName, c.TimeZone, c.LocalStart, c.LocalEnd,
            c.Currency is { } currency && c.Cost is { } cost ? MoneyView.Of(cost, currency) : null))]);

    private static List<FreezeSpan> Freezes(FreezeRequest[]? freezes, ValidationErrors errors)
    {
        var spans = new List<FreezeSpan>();
        if (freezes is null)
        {
            return spans;
        }

        if (freezes.Length > MaxFreezes)
        {
            errors.Add("freezes", $"at most {MaxFreezes} freezes");
        }

        for (var i = 0; i < freezes.Length; i++)
        {
            if (freezes[i] is not { Start: { } start, End: { } end } || end <= start)
            {
                errors.Add($"freezes[{i}]", "needs a start and an end after it");
                continue;
            }

            spans.Add(new FreezeSpan(start, end));
        }

        return spans;
    }
}
