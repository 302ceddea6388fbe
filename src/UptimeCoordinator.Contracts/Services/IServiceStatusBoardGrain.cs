using Orleans.Concurrency;
using UptimeCoordinator.Domain.Services;

namespace UptimeCoordinator.Contracts.Services;

/// <summary>
/// What every service shows now, in one grain, so that counting services by status
/// (<c>uptime_services_by_status</c>) reads one grain instead of activating all of them. Services
/// report only when what they show changes.
/// </summary>
[Alias("uc.IServiceStatusBoardGrain")]
public interface IServiceStatusBoardGrain : IGrainWithStringKey
{
    public const string Key = "all";

    [Alias("Report"), OneWay]
    Task ReportAsync(string serviceId, ServiceStatus status);

    [Alias("Forget"), OneWay]
    Task ForgetAsync(string serviceId);

    /// <summary>How many services show each status; every status appears, with 0 when none shows it.</summary>
    [Alias("Counts"), ReadOnly, AlwaysInterleave]
    Task<StatusCount[]> CountsAsync();
}

[GenerateSerializer, Alias("uc.StatusCount")]
public sealed record StatusCount([property: Id(0)] ServiceStatus Status, [property: Id(1)] int Count);
