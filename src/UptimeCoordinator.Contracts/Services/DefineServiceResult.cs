namespace UptimeCoordinator.Contracts.Services;

public enum DefineServiceOutcome
{
    Created,
    Updated,
    Rejected,
}

/// <summary>The outcome of a definition; when rejected, which dependencies are unknown or which cycle they close.</summary>
[GenerateSerializer, Alias("uc.DefineServiceResult")]
public sealed record DefineServiceResult(
    [property: Id(0)] DefineServiceOutcome Outcome,
    [property: Id(1)] ServiceView? Service,
    [property: Id(2)] DependencyCheckResult Dependencies);
