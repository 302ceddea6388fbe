namespace UptimeCoordinator.Domain.Costs;

/// <summary>The hour-of-week grid cost curves are written on: local time, ISO weeks starting Monday.</summary>
public static class WeeklyUsage
{
    public const int Hours = 7 * 24;

    /// <summary>
    /// The default curve: Mon–Fri 09–17 = 1.0, Mon–Fri 17–22 = 0.3, other weekday hours and the
    /// whole weekend = 0.1, scaled so the 168 weights average 1. Scaling keeps
    /// <see cref="CostProfile.CostPerHour"/> meaning "an average hour", so a client who never
    /// touches the curve pays the same per week as with a flat one.
    /// </summary>
    public static IReadOnlyList<double> BusinessHours { get; } = Array.AsReadOnly(BuildBusinessHours());

    /// <summary>0 for Monday 00:00–00:59 up to 167 for Sunday 23:00–23:59 of a local clock reading.</summary>
    public static int HourOfWeek(DateTime localTime) => ((int)localTime.DayOfWeek + 6) % 7 * 24 + localTime.Hour;

    private static double[] BuildBusinessHours()
    {
        var weights = new double[Hours];
        for (var hour = 0; hour < Hours; hour++)
        {
            var (day, clock) = Math.DivRem(hour, 24);
            weights[hour] = day >= 5 ? 0.1 : clock switch
            {
                >= 9 and < 17 => 1.0,
                >= 17 and < 22 => 0.3,
                _ => 0.1,
            };
        }

        var scale = Hours / weights.Sum();
        for (var hour = 0; hour < Hours; hour++)
        {
            weights[hour] *= scale;
        }

        return weights;
    }
}
