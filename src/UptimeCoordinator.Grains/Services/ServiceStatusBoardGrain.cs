using UptimeCoordinator.Contracts.Services;
using UptimeCoordinator.Domain.Services;

namespace UptimeCoordinator.Grains.Services;

/// <summary>What every service shows, kept as the services report their changes, for the status gauge.</summary>
[GrainType("service-status-board")]
public sealed class ServiceStatusBoardGrain([PersistentState("status-board")] IPersistentState<ServiceStatusBoardState> state)
    : Grain, IServiceStatusBoardGrain
{
    public async Task ReportAsync(string serviceId, ServiceStatus status)
    {
        if (!state.State.Statuses.TryGetValue(serviceId, out var current) || current != status)
        {
            state.State.Statuses[serviceId] = status;
            await state.WriteOrDiscardAsync(this);
        }
    }

    public async Task ForgetAsync(string serviceId)
    {
        if (state.State.Statuses.Remove(serviceId))
        {
            await state.WriteOrDiscardAsync(this);
        }
    }

    public Task<StatusCount[]> CountsAsync() =>
        Task.FromResult<StatusCount[]>([.. Enum.GetValues<ServiceStatus>().Select(s => new StatusCount(s, state.State.Statuses.Values.Count(v => v == s)))]);
}
