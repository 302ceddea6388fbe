namespace UptimeCoordinator.Host.Demo;

/// <summary>What one seeding run did: on a cluster that already had the demo data, everything is updated and nothing created.</summary>
internal sealed record DemoSeedResult(int Created, int Updated);
