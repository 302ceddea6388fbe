namespace UptimeCoordinator.Domain.Services;

/// <summary>The outcome of checking a service's dependencies against the catalogue.</summary>
public sealed record DependencyCheck(IReadOnlyList<string> UnknownServices, IReadOnlyList<string> CyclePath)
{
    public static DependencyCheck Ok { get; } = new([], []);

    public bool IsOk => UnknownServices.Count == 0 && CyclePath.Count == 0;

    public static DependencyCheck Unknown(IReadOnlyList<string> services) => new(services, []);

    public static DependencyCheck Cycle(IReadOnlyList<string> path) => new([], path);
}
