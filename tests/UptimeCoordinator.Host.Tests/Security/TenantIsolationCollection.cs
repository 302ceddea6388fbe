namespace UptimeCoordinator.Host.Tests.Security;

/// <summary>The tenant-isolation tests share one seeded <see cref="TenantIsolationWorld"/>, and so run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class TenantIsolationCollection : ICollectionFixture<TenantIsolationWorld>
{
    public const string Name = "security: tenant isolation world";
}
