namespace UptimeCoordinator.Domain.Maintenance;

/// <summary>
/// A time no new maintenance may overlap, <c>[Start, End)</c>: another window already booked, or a
/// declared freeze (a launch, the end of a quarter). A window that only touches it, ending as it
/// starts or starting as it ends, does not overlap it; an empty or reversed span blocks nothing.
/// </summary>
public sealed record FreezeSpan(DateTimeOffset Start, DateTimeOffset End);
