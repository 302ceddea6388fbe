using BenchmarkDotNet.Attributes;
using UptimeCoordinator.Domain.Health;
using UptimeCoordinator.Domain.Services;

namespace UptimeCoordinator.Benchmarks.Health;

/// <summary>
/// One health event through a service's state machine, the work every monitoring webhook costs the
/// service grain before it decides whether to write. Nearly every event is a heartbeat that changes
/// nothing, with an event id, once the recent-id ring is full: that is the path to keep cheap.
/// </summary>
/// <remarks>
/// Each case replays a batch of <see cref="Batch"/> events, so the figures are per event. The batch
/// is built so that replaying it again leaves the state as the first run found it: all events carry
/// one instant (equal is not stale, and <see cref="ServiceHealth.Apply"/> only compares it), event ids
/// recur only after 1 000 others (the ring keeps 256), and a flapping batch ends where it began.
/// </remarks>
[MemoryDiagnoser]
public class StateMachineBenchmarks
{
    private const int Batch = 1000;

    private static readonly DateTimeOffset At = new(2026, 11, 23, 14, 0, 0, TimeSpan.Zero);
    private static readonly string[] TenChecks = ["http", "tls", "dns", "login", "search", "checkout", "db", "queue", "cache", "cdn"];

    // A flapping guard for heartbeats (the threshold is never reached), none for the flips.
    private static readonly DetectionPolicy Guarded = new(FailureThreshold: 3, RecoveryThreshold: 2);
    private static readonly DetectionPolicy Immediate = new(FailureThreshold: 1, RecoveryThreshold: 1);

    private Replay _heartbeat = null!;
    private Replay _heartbeatWithoutEventId = null!;
    private Replay _flip = null!;
    private Replay _tenChecksHeartbeat = null!;
    private Replay _tenChecksFlip = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20261123);
        _heartbeat = Replay.Warm(["http"], Heartbeats(random, ["http"], withIds: true), Guarded, HealthApplyOutcome.Unchanged);
        _heartbeatWithoutEventId = Replay.Warm(["http"], Heartbeats(random, ["http"], withIds: false), Guarded, HealthApplyOutcome.Unchanged);
        _flip = Replay.Warm(["http"], Flaps(random, "http"), Immediate, HealthApplyOutcome.StatusChanged);
        _tenChecksHeartbeat = Replay.Warm(TenChecks, Heartbeats(random, TenChecks, withIds: true), Guarded, HealthApplyOutcome.Unchanged);
        _tenChecksFlip = Replay.Warm(TenChecks, Flaps(random, "db"), Immediate, HealthApplyOutcome.StatusChanged);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Batch)]
    public HealthApplyResult Heartbeat() => _heartbeat.Run();

    // Some tools send no id: no scan of the ring and no shift of it, which shows what the ring costs.
    [Benchmark(OperationsPerInvoke = Batch)]
    public HealthApplyResult HeartbeatWithoutEventId() => _heartbeatWithoutEventId.Run();

    // Down, up, down… with no threshold: every event changes the status and yields a StatusChange.
    [Benchmark(OperationsPerInvoke = Batch)]
    public HealthApplyResult Flip() => _flip.Run();

    // Ten probes take turns: the same decision, but over a dictionary of ten checks.
    [Benchmark(OperationsPerInvoke = Batch)]
    public HealthApplyResult TenChecksHeartbeat() => _tenChecksHeartbeat.Run();

    // One probe of ten flaps: each flip derives the service status again from all ten checks.
    [Benchmark(OperationsPerInvoke = Batch)]
    public HealthApplyResult TenChecksFlip() => _tenChecksFlip.Run();

    private static HealthObservation[] Heartbeats(Random random, string[] checks, bool withIds) =>
        [.. Enumerable.Range(0, Batch).Select(i =>
            new HealthObservation(withIds ? EventId(random) : null, HealthStatus.Up, At, "prometheus", checks[i % checks.Length], null))];

    // Even events go down and odd ones up, so a batch of even length ends where it began.
    private static HealthObservation[] Flaps(Random random, string check) =>
        [.. Enumerable.Range(0, Batch).Select(i => i % 2 == 0
            ? new HealthObservation(EventId(random), HealthStatus.Down, At, "prometheus", check, "HTTP 503 from /healthz")
            : new HealthObservation(EventId(random), HealthStatus.Up, At, "prometheus", check, null))];

    // Monitoring tools send UUIDs: same length, differing early, as the ring's ordinal scan meets them.
    private static string EventId(Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes).ToString();
    }

    private sealed class Replay(ServiceHealth health, HealthObservation[] events, DetectionPolicy policy)
    {
        /// <summary>
        /// A service with <paramref name="checks"/> recorded, that has already seen the last 256 events of
        /// the batch, as if the batch had just run: so the ring is full and every measured run is alike.
        /// </summary>
        public static Replay Warm(string[] checks, HealthObservation[] events, DetectionPolicy policy, HealthApplyOutcome expected)
        {
            var health = new ServiceHealth();
            foreach (var check in checks)
            {
                health.Apply(new HealthObservation(null, HealthStatus.Up, At, "prometheus", check, null), policy);
            }

            foreach (var observation in events[^ServiceHealth.RecentEventIdCapacity..])
            {
                if (health.Apply(observation, policy).Outcome != expected)
                {
                    throw new InvalidOperationException($"The warm-up did not give {expected}: the case would not measure what it claims.");
                }
            }

            return new(health, events, policy);
        }

        public HealthApplyResult Run()
        {
            HealthApplyResult last = null!;
            foreach (var observation in events)
            {
                last = health.Apply(observation, policy);
            }

            return last;
        }
    }
}
