namespace UptimeCoordinator.Contracts.Services;

[GenerateSerializer, Alias("uc.DependencyCheckResult")]
public sealed record DependencyCheckResult(
    [property: Id(0)] string[] UnknownServices,
    [property: Id(1)] string[] Cycle)
{
    public static DependencyCheckResult Ok { get; } = new([], []);

    public bool IsOk => UnknownServices.Length == 0 && Cycle.Length == 0;
}
