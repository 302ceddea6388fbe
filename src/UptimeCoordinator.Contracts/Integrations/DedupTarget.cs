namespace UptimeCoordinator.Contracts.Integrations;

/// <summary>The service and check a tool's dedup key stands for.</summary>
[GenerateSerializer, Alias("uc.DedupTarget")]
public sealed record DedupTarget(
    [property: Id(0)] string ServiceId,
    [property: Id(1)] string Check);
