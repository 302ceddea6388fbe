using UptimeCoordinator.Domain.Services;

namespace UptimeCoordinator.Domain.Health;

/// <summary>
/// The health state machine of one service. Each check flips only after the detection policy's
/// run of consecutive observations; the service status is derived from all checks: every check
/// down is a major outage, some down a partial outage, any degraded is degraded performance.
/// </summary>
public sealed class ServiceHealth
{
    /// <summary>How many recent event ids are remembered to recognise exact repeats.</summary>
    public const int RecentEventIdCapacity = 256;

    public Dictionary<string, CheckState> Checks { get; set; } = new(StringComparer.Ordinal);

    public ServiceStatus Status { get; set; } = ServiceStatus.Operational;

    public DateTimeOffset? Since { get; set; }

    /// <summary>Number of status changes so far; identifies each change for idempotent hand-over.</summary>
    public long ChangeSequence { get; set; }

    public List<string> RecentEventIds
    {
        get => _recentEventIds;
        set
        {
            _recentEventIds = value;
            _recentEventIdIndex = null;
        }
    }

    private List<string> _recentEventIds = [];

    // An index over RecentEventIds, built on first use after loading: scanning the list cost 2 µs per event (docs/benchmarks.md).
    private HashSet<string>? _recentEventIdIndex;

    public HealthApplyResult Apply(HealthObservation observation, DetectionPolicy policy)
    {
        if (observation.EventId is { } eventId)
        {
            _recentEventIdIndex ??= new HashSet<string>(RecentEventIds, StringComparer.Ordinal);
            if (_recentEventIdIndex.Contains(eventId))
            {
                return new(HealthApplyOutcome.Duplicate);
            }

            RememberEventId(eventId);
        }

        var isNewCheck = !Checks.TryGetValue(observation.Check, out var check);
        check ??= new CheckState { LastObservedAt = observation.ObservedAt };
        if (!isNewCheck && observation.ObservedAt < check.LastObservedAt)
        {
            return new(HealthApplyOutcome.Stale);
        }

        Checks[observation.Check] = check;
        check.LastObservedAt = observation.ObservedAt;
        var checkChanged = Advance(check, observation.Status, policy);
        if (!checkChanged && !isNewCheck)
        {
            return new(HealthApplyOutcome.Unchanged);
        }

        var derived = Derive();
        if (derived == Status)
        {
            return new(HealthApplyOutcome.Counted);
        }

        var change = new StatusChange(
            ++ChangeSequence,
            Status,
            derived,
            Since is { } since && since > observation.ObservedAt ? since : observation.ObservedAt,
            observation.Source,
            observation.Check,
            observation.Message);
        Status = derived;
        Since = change.At;
        return new(HealthApplyOutcome.StatusChanged, change);
    }

    /// <summary>
    /// The service comes out of a maintenance window: what people saw was <c>under_maintenance</c>, so a
    /// service monitoring still sees in trouble changes, for them, to that trouble at <paramref name="at"/>.
    /// Null when it is operational: the window simply ends.
    /// </summary>
    public StatusChange? LeaveMaintenance(DateTimeOffset at, string message)
    {
        if (Status == ServiceStatus.Operational)
        {
            return null;
        }

        return new StatusChange(++ChangeSequence, ServiceStatus.UnderMaintenance, Status, at, "maintenance", "maintenance", message);
    }

    // Returns whether the check's persisted state changed (its confirmed status or its pending run).
    private static bool Advance(CheckState check, HealthStatus observed, DetectionPolicy policy)
    {
        if (observed == check.Confirmed)
        {
            var hadPending = check.PendingCount > 0;
            check.PendingCount = 0;
            check.PendingStatus = null;
            return hadPending;
        }

        // Moving between degraded and down is a change of severity, not a new failure: no threshold.
        var threshold = (check.Confirmed, observed) switch
        {
            (HealthStatus.Up, _) => policy.FailureThreshold,
            (_, HealthStatus.Up) => policy.RecoveryThreshold,
            _ => 1,
        };
        var sameDirection = check.PendingStatus is { } pending && (pending == HealthStatus.Up) == (observed == HealthStatus.Up);
        check.PendingCount = sameDirection ? check.PendingCount + 1 : 1;
        check.PendingStatus = observed;
        if (check.PendingCount >= threshold)
        {
            check.Confirmed = observed;
            check.PendingCount = 0;
            check.PendingStatus = null;
        }

        return true;
    }

    private ServiceStatus Derive()
    {
        var down = Checks.Values.Count(c => c.Confirmed == HealthStatus.Down);
        if (down > 0)
        {
            return down == Checks.Count ? ServiceStatus.MajorOutage : ServiceStatus.PartialOutage;
        }

        return Checks.Values.Any(c => c.Confirmed == HealthStatus.Degraded)
            ? ServiceStatus.DegradedPerformance
            : ServiceStatus.Operational;
    }

    private void RememberEventId(string eventId)
    {
        if (RecentEventIds.Count >= RecentEventIdCapacity)
        {
            _recentEventIdIndex!.Remove(RecentEventIds[0]);
            RecentEventIds.RemoveAt(0);
        }

        RecentEventIds.Add(eventId);
        _recentEventIdIndex!.Add(eventId);
    }
}
