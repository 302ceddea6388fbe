namespace UptimeCoordinator.Host.Demo;

/// <summary>The rules the API enforces refused a demo definition: unlike a slow silo, trying again cannot help.</summary>
internal sealed class DemoDataRefusedException(string message) : Exception(message);
