namespace UptimeCoordinator.Host.Hosting;

/// <summary>Which way this node runs, said once in the log at start.</summary>
public sealed record CoordinatorMode(bool UsesRedis, string Description);
