using UptimeCoordinator.Domain.Services;

namespace UptimeCoordinator.Host.Clients;

/// <summary><c>GET /api/v1/clients/{id}/services</c>: each service the client uses, as the client sees it now.</summary>
public sealed record ClientServicesView(string ClientId, string Name, string TimeZone, ClientServiceView[] Services);

/// <param name="Status">Its own live status, or worse through a dependency in trouble.</param>
/// <param name="Via">The service it depends on whose trouble it suffers, if that is why.</param>
/// <param name="Since">When this status began, if known.</param>
/// <param name="IncidentId">The open incident behind the status, if any.</param>
public sealed record ClientServiceView(string ServiceId, string Name, ServiceStatus Status, DateTimeOffset? Since, string? Via, string? IncidentId);
