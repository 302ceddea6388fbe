namespace UptimeCoordinator.Contracts.Clients;

public enum DefineClientOutcome
{
    Created = 1,
    Updated = 2,

    /// <summary>A subscribed service is not in the catalogue; nothing was changed.</summary>
    UnknownServices = 3,
}

/// <summary>The outcome of a definition; when refused, the subscribed services that do not exist.</summary>
[GenerateSerializer, Alias("uc.DefineClientResult")]
public sealed record DefineClientResult(
    [property: Id(0)] DefineClientOutcome Outcome,
    [property: Id(1)] ClientView? Client,
    [property: Id(2)] string[] UnknownServices);
