namespace UptimeCoordinator.Host.Tests.Http;

/// <summary>The API keys every <see cref="CoordinatorApp"/> configures, one per role.</summary>
public static class ApiKeys
{
    public const string Ops = "http-tests-ops-key";
    public const string Monitor = "http-tests-monitor-key";
    public const string Client = "http-tests-client-acme-key";

    /// <summary>A key that is configured nowhere.</summary>
    public const string Unknown = "http-tests-no-such-key";

    /// <summary>The demo keys that appsettings.Development.json ships.</summary>
    public const string DemoOps = "demo-ops-key";
}
