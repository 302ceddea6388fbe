using System.Diagnostics;

namespace UptimeCoordinator.LoadTest;

/// <summary>Progress lines with the time since the run began, so a long run shows where it is.</summary>
internal static class Progress
{
    private static readonly Stopwatch Clock = Stopwatch.StartNew();

    public static TimeSpan Elapsed => Clock.Elapsed;

    public static Action<string> For(string phase) => message => Say($"[{phase}] {message}");

    public static void Say(string message) => Console.WriteLine($"{Clock.Elapsed:mm\\:ss} {message}");
}
