namespace UptimeCoordinator.Domain.Maintenance;

/// <summary>The recommender's answer, with the figures that explain it.</summary>
/// <param name="RequiredNoticeHours">The longest notice any affected client's SLA asks for: why the earliest start may be later than asked.</param>
/// <param name="EffectiveEarliest">The first start considered: the search's earliest or the end of the notice, on a quarter hour.</param>
/// <param name="CandidatesConsidered">Quarter-hour starts inside the range and clear of every freeze, each of which was priced.</param>
/// <param name="Suggestions">Cheapest first, none overlapping another; empty when nothing fits.</param>
/// <param name="Comparison">
/// The same work started at the next whole hour, notice and freezes aside: what "just do it now"
/// would cost, so the saving of a suggestion can be shown.
/// </param>
public sealed record WindowRecommendation(
    int RequiredNoticeHours,
    DateTimeOffset EffectiveEarliest,
    int CandidatesConsidered,
    IReadOnlyList<WindowSuggestion> Suggestions,
    WindowSuggestion Comparison);
