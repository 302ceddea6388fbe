using System.Collections.Concurrent;
using UptimeCoordinator.Domain.Sla;
using UptimeCoordinator.Grains.Costs;

namespace UptimeCoordinator.Host.Tests.Costs;

/// <summary>
/// Stands in for the maintenance feature behind the hook the client grain resolves from DI: it
/// answers the windows a test added, as the feature would (those of the asked services that touch
/// the asked range), and remembers every question.
/// </summary>
public sealed class ScriptedMaintenanceHistory : IMaintenanceHistory
{
    private readonly ConcurrentQueue<MaintenanceSpan> _windows = new();
    private readonly ConcurrentQueue<(string[] ServiceIds, DateTimeOffset From, DateTimeOffset To)> _queries = new();

    public IReadOnlyList<(string[] ServiceIds, DateTimeOffset From, DateTimeOffset To)> Queries => [.. _queries];

    public void Add(MaintenanceSpan window) => _windows.Enqueue(window);

    public Task<IReadOnlyList<MaintenanceSpan>> WindowsAsync(IReadOnlyCollection<string> serviceIds, DateTimeOffset from, DateTimeOffset to)
    {
        _queries.Enqueue(([.. serviceIds], from, to));
        IReadOnlyList<MaintenanceSpan> found =
        [
            .. _windows.Where(w => w.ServiceIds.Any(serviceIds.Contains) && w.Start < to && (w.EndedAt is { } ended && ended > w.End ? ended : w.End) > from),
        ];
        return Task.FromResult(found);
    }
}
