using System.Globalization;
using System.Text.RegularExpressions;

namespace UptimeCoordinator.Host.Tests.Redis;

/// <summary>
/// Reads a host's captured log after the fact: when the test noted the kill, and when the host
/// logged that the killed silo is dead, both on the log's own clock.
/// </summary>
internal static partial class SiloLossLogs
{
    public const string KillNote = "silo-loss: killed host";

    /// <summary>The lines of <paramref name="log"/>, each with its time since the log started.</summary>
    public static IEnumerable<(TimeSpan At, string Text)> Lines(ProcessLog log)
    {
        foreach (var line in log.ToString().Split('\n'))
        {
            if (Stamp().Match(line) is { Success: true } match)
            {
                yield return (TimeSpan.FromSeconds(double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)), match.Groups[2].Value);
            }
        }
    }

    /// <summary>
    /// How long after the kill note <paramref name="log"/> first says that the silo on
    /// <paramref name="siloPort"/> is dead, and that line; null when it never does.
    /// </summary>
    public static (TimeSpan After, string Line)? DeathDeclared(ProcessLog log, int siloPort)
    {
        TimeSpan? killedAt = null;
        foreach (var (at, text) in Lines(log))
        {
            if (killedAt is null)
            {
                killedAt = text.Contains(KillNote, StringComparison.Ordinal) ? at : null;
                continue;
            }

            if (DeclaresDead(text, siloPort))
            {
                return (at - killedAt.Value, text.Trim());
            }
        }

        return null;
    }

    /// <summary>The lines after the kill note that name the silo port, for working out what a host said.</summary>
    public static IEnumerable<string> AboutSilo(ProcessLog log, int siloPort)
    {
        var afterKill = false;
        foreach (var (at, text) in Lines(log))
        {
            afterKill |= text.Contains(KillNote, StringComparison.Ordinal);
            if (afterKill && text.Contains($":{siloPort}", StringComparison.Ordinal))
            {
                yield return $"+{at.TotalSeconds:0.00}s {text.Trim()}";
            }
        }
    }

    // Orleans 10's MembershipTableManager, at Information: the silo that casts the deciding vote logs
    // "Evicting 'S127.0.0.1:33029:155187893'. Fresh vote count: …", the others then log the table as
    // "Received cluster membership snapshot via gossip: […, SiloAddress=S127.0.0.1:33029:155187893 SiloName=… Status=Dead]".
    private static bool DeclaresDead(string text, int siloPort) =>
        (Evicting().Match(text) is { Success: true } evicting && evicting.Groups[1].Value == $"{siloPort}")
        || DeadEntry().Matches(text).Any(m => m.Groups[1].Value == $"{siloPort}");

    [GeneratedRegex(@"^\[\+\s*([0-9.]+)s \w+\] (.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex Stamp();

    [GeneratedRegex(@"Evicting 'S[0-9.]+:([0-9]+):[0-9]+'", RegexOptions.CultureInvariant)]
    private static partial Regex Evicting();

    [GeneratedRegex(@"SiloAddress=S[0-9.]+:([0-9]+):[0-9]+ SiloName=\S+ Status=Dead\b", RegexOptions.CultureInvariant)]
    private static partial Regex DeadEntry();
}
