namespace UptimeCoordinator.Host.Tests.Redis;

/// <summary>
/// The fault-injection tests that start several real host processes (silo loss, whole-cluster and
/// Redis restarts) run one after another: side by side on two cores they would starve each other's
/// silos of the CPU their failure detection is timed against.
/// </summary>
[CollectionDefinition(Name)]
public sealed class FaultInjectionCollection
{
    public const string Name = "fault injection with real host processes";
}
