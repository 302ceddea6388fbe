using UptimeCoordinator.Contracts.Clients;
using UptimeCoordinator.Domain.Clients;
using UptimeCoordinator.Domain.Notices;

namespace UptimeCoordinator.Grains.Clients;

/// <summary>Persisted state of <see cref="ClientGrain"/>.</summary>
public sealed class ClientState
{
    public ClientDefinition? Definition { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The last incident step applied per failed service, so a replayed fan-out is a no-op.</summary>
    public Dictionary<string, long> AppliedSequences { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Open incidents that reach this client, by incident id.</summary>
    public Dictionary<string, ClientImpact> Impacts { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Maintenance windows in progress on the client's services, by window id.</summary>
    public Dictionary<string, ClientMaintenanceView> MaintenanceInProgress { get; set; } = new(StringComparer.Ordinal);

    public NoticeOutbox Outbox { get; set; } = new();

    /// <summary>How incidents touched the client's services, for its running cost and SLA.</summary>
    public ImpactLedger Ledger { get; set; } = new();

    /// <summary>The months (<c>yyyy-MM</c>, client's zone) whose missed SLA the contacts were told of.</summary>
    public SortedSet<string> SlaBreachesTold { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The key of this client's feedback tokens (<see cref="FeedbackTokens"/>); made when first needed.</summary>
    public string? FeedbackKey { get; set; }
}
