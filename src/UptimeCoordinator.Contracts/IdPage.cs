namespace UptimeCoordinator.Contracts;

/// <summary>One page of ids from an index grain; <see cref="NextAfter"/> is the key to continue after, if more remain.</summary>
[GenerateSerializer, Alias("uc.IdPage")]
public sealed record IdPage(
    [property: Id(0)] string[] Ids,
    [property: Id(1)] string? NextAfter);
