namespace UptimeCoordinator.Host.Demo;

/// <summary>
/// The <c>--demo</c> command-line switch. The command-line configuration provider takes only
/// key-value pairs, so a bare switch would be read as a key waiting for its value.
/// </summary>
public static class DemoSwitch
{
    public const string Name = "--demo";

    /// <summary>The arguments with <c>--demo</c> turned into <c>--Demo:Enabled=true</c>.</summary>
    public static string[] Translate(string[] args) =>
        [.. args.Select(a => string.Equals(a, Name, StringComparison.OrdinalIgnoreCase) ? $"--{DemoOptions.Section}:{nameof(DemoOptions.Enabled)}=true" : a)];
}
