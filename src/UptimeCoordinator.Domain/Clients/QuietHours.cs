namespace UptimeCoordinator.Domain.Clients;

/// <summary>
/// A daily span, in the contact's local time, when non-urgent notices wait. <see cref="Start"/> after
/// <see cref="End"/> spans midnight (22:00–07:00); equal times mean no quiet hours at all.
/// </summary>
public sealed record QuietHours(TimeOnly Start, TimeOnly End)
{
    public bool Contains(TimeOnly local) => Start <= End
        ? local >= Start && local < End
        : local >= Start || local < End;

    /// <summary>The first instant at or after <paramref name="at"/> outside the quiet hours.</summary>
    public DateTimeOffset Release(DateTimeOffset at, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(at, zone);
        if (Start == End || !Contains(TimeOnly.FromDateTime(local.DateTime)))
        {
            return at;
        }

        var endDay = TimeOnly.FromDateTime(local.DateTime) >= Start && Start > End ? local.Date.AddDays(1) : local.Date;
        var endLocal = endDay + End.ToTimeSpan();

        // An end that falls in a spring-forward gap does not exist locally; the first valid minute after it does.
        while (zone.IsInvalidTime(endLocal))
        {
            endLocal = endLocal.AddMinutes(1);
        }

        var released = new DateTimeOffset(endLocal, zone.GetUtcOffset(endLocal));
        return released > at ? released : at;
    }
}
