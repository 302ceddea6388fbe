namespace UptimeCoordinator.Host.Tests.Demo;

/// <summary>Configurations of demo mode for the tests.</summary>
internal static class DemoSettings
{
    /// <summary>Demo mode on, with the first outage far beyond any test: the seeded data stays untouched.</summary>
    public static Dictionary<string, string> Quiet() => new()
    {
        ["Demo:Enabled"] = "true",
        ["Demo:FirstBreakAfter"] = "PT1H",
    };
}
