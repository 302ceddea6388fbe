using UptimeCoordinator.Domain.Clients;

namespace UptimeCoordinator.Contracts.Clients;

/// <summary>Quiet hours as times of day (<c>HH:mm</c> on the wire).</summary>
[GenerateSerializer, Alias("uc.QuietHoursSpec")]
public sealed record QuietHoursSpec([property: Id(0)] TimeSpan Start, [property: Id(1)] TimeSpan End)
{
    public QuietHours ToDomain() => new(TimeOnly.FromTimeSpan(Start), TimeOnly.FromTimeSpan(End));

    public static QuietHoursSpec From(QuietHours q) => new(q.Start.ToTimeSpan(), q.End.ToTimeSpan());
}
