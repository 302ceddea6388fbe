namespace UptimeCoordinator.Host.Integrations.Alertmanager;

/// <summary>
/// Body of the <c>202</c>: events applied, exact repeats (Alertmanager's retries and repeat
/// notifications), and the alerts skipped with the reason. Alertmanager ignores the body; it is
/// there for people and logs.
/// </summary>
public sealed record AlertmanagerAccepted(int Accepted, int Duplicates, IReadOnlyList<SkippedAlert> Skipped);
