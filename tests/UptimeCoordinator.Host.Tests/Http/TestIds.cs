namespace UptimeCoordinator.Host.Tests.Http;

/// <summary>Unique service ids, so tests sharing one app never see each other's services.</summary>
public static class TestIds
{
    public static string Unique(string prefix = "svc") => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];
}
