using UptimeCoordinator.Host.Events;

namespace UptimeCoordinator.Host.Integrations.Alertmanager;

/// <summary>The health event that alert number <paramref name="Index"/> of a notification stands for.</summary>
public sealed record MappedAlert(int Index, string Fingerprint, HealthEventRequest Event);
