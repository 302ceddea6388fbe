using UptimeCoordinator.Host.Events;

namespace UptimeCoordinator.Host.Integrations;

/// <summary>One health event mapped from an item of a tool's payload, named by its path there (<c>alerts[2]</c>).</summary>
public sealed record MappedEvent(string Item, HealthEventRequest Request);
