using UptimeCoordinator.Contracts.Costs;

namespace UptimeCoordinator.Host.Maintenance;

/// <summary>The answer of <c>POST /api/v1/maintenance/suggestions</c>.</summary>
/// <param name="RequiredNoticeHours">The longest notice any affected client's SLA asks for: no suggestion starts sooner.</param>
/// <param name="StartingNow">The same work at the next round hour, for comparison.</param>
public sealed record SuggestionsView(
    string[] ServiceIds,
    string Duration,
    int RequiredNoticeHours,
    DateTimeOffset EarliestStart,
    int CandidatesConsidered,
    int AffectedClients,
    SuggestionView[] Suggestions,
    SuggestionView StartingNow);

/// <param name="Score">What the ranking compares: the costs added up after <c>exchangeRates</c>.</param>
/// <param name="SavingsVersusNow">Per currency, what this window saves against <c>startingNow</c>.</param>
public sealed record SuggestionView(
    int Rank,
    DateTimeOffset Start,
    DateTimeOffset End,
    MoneyView[] ExpectedCost,
    decimal Score,
    MoneyView[] SavingsVersusNow,
    int AffectedClients,
    SuggestedClientView[] Clients);

/// <param name="LocalStart">The window's start on the client's clock, with its offset.</param>
public sealed record SuggestedClientView(
    string ClientId,
    string Name,
    string TimeZone,
    DateTimeOffset LocalStart,
    DateTimeOffset LocalEnd,
    MoneyView? ExpectedCost);
