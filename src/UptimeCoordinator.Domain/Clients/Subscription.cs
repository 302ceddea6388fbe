namespace UptimeCoordinator.Domain.Clients;

/// <summary>A client depends on a service; <paramref name="Impact"/> (0..1) is how much of its work stops when it is down.</summary>
public sealed record Subscription(string ServiceId, double Impact);
