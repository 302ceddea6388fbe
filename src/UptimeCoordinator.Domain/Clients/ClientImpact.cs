using UptimeCoordinator.Domain.Incidents;
using UptimeCoordinator.Domain.Notices;

namespace UptimeCoordinator.Domain.Clients;

/// <summary>An open incident as one client lives it: which of its services it reaches, since when.</summary>
public sealed class ClientImpact
{
    public string IncidentId { get; set; } = "";

    public string ServiceId { get; set; } = "";

    public string Title { get; set; } = "";

    public IncidentSeverity Severity { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public string? Message { get; set; }

    /// <summary>When a responder expects it fixed, as the incident last said; monitoring's notices repeat it.</summary>
    public DateTimeOffset? Eta { get; set; }

    /// <summary>When the client was promised its next update.</summary>
    public DateTimeOffset? NextUpdateBy { get; set; }

    public List<AffectedService> Affected { get; set; } = [];
}
