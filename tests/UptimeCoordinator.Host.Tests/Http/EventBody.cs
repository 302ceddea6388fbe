namespace UptimeCoordinator.Host.Tests.Http;

/// <summary>A health event as a monitoring tool posts it; null fields are left out of the JSON.</summary>
public sealed record EventBody(
    string ServiceId,
    string Status,
    DateTimeOffset? ObservedAt = null,
    string? Source = null,
    string? Check = null,
    string? Message = null,
    string? EventId = null)
{
    public static EventBody Down(string serviceId, DateTimeOffset observedAt, string? check = null, string? source = null) =>
        new(serviceId, "down", observedAt, source, check);

    public static EventBody Up(string serviceId, DateTimeOffset observedAt, string? check = null, string? source = null) =>
        new(serviceId, "up", observedAt, source, check);
}
