namespace UptimeCoordinator.Domain.Services;

/// <summary>
/// The catalogue's "depends on" edges. Rejects edges to unknown services and edges that would
/// close a cycle, since impact propagation walks this graph and must terminate.
/// </summary>
public sealed class DependencyGraph
{
    private readonly Dictionary<string, string[]> _dependsOn;

    public DependencyGraph(IReadOnlyDictionary<string, string[]> dependsOn) =>
        _dependsOn = new Dictionary<string, string[]>(dependsOn, StringComparer.Ordinal);

    public IReadOnlyDictionary<string, string[]> Edges => _dependsOn;

    public bool Contains(string serviceId) => _dependsOn.ContainsKey(serviceId);

    /// <summary>Validates the dependencies <paramref name="serviceId"/> would have after an upsert.</summary>
    public DependencyCheck Check(string serviceId, IReadOnlyList<string> dependsOn)
    {
        var unknown = dependsOn.Where(d => d != serviceId && !_dependsOn.ContainsKey(d)).ToArray();
        if (unknown.Length > 0)
        {
            return DependencyCheck.Unknown(unknown);
        }

        foreach (var dependency in dependsOn)
        {
            var path = FindPath(dependency, serviceId);
            if (path is not null)
            {
                return DependencyCheck.Cycle([serviceId, .. path]);
            }
        }

        return DependencyCheck.Ok;
    }

    /// <summary>Services that list <paramref name="serviceId"/> directly as a dependency.</summary>
    public IReadOnlyList<string> DirectDependents(string serviceId) =>
        _dependsOn.Where(e => e.Value.Contains(serviceId, StringComparer.Ordinal)).Select(e => e.Key).Order(StringComparer.Ordinal).ToArray();

    /// <summary>
    /// Every service that depends on <paramref name="serviceId"/>, directly or through others, in
    /// breadth-first order: where an outage of it propagates.
    /// </summary>
    public IReadOnlyList<string> TransitiveDependents(string serviceId)
    {
        var found = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal) { serviceId };
        var queue = new Queue<string>([serviceId]);
        while (queue.TryDequeue(out var current))
        {
            foreach (var dependent in DirectDependents(current))
            {
                if (seen.Add(dependent))
                {
                    found.Add(dependent);
                    queue.Enqueue(dependent);
                }
            }
        }

        return found;
    }

    public void Set(string serviceId, IReadOnlyList<string> dependsOn) => _dependsOn[serviceId] = [.. dependsOn];

    public bool Remove(string serviceId) => _dependsOn.Remove(serviceId);

    // Depth-first search from `from` along dependsOn edges; returns the path that reaches `target`.
    private List<string>? FindPath(string from, string target)
    {
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<(string Node, List<string> Path)>();
        stack.Push((from, [from]));
        while (stack.Count > 0)
        {
            var (node, path) = stack.Pop();
            if (node == target)
            {
                return path;
            }

            if (!visited.Add(node) || !_dependsOn.TryGetValue(node, out var next))
            {
                continue;
            }

            foreach (var n in next)
            {
                stack.Push((n, [.. path, n]));
            }
        }

        return null;
    }
}
