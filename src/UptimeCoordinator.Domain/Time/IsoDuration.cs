using System.Xml;

namespace UptimeCoordinator.Domain.Time;

/// <summary>ISO 8601 durations (<c>PT15M</c>, <c>P3D</c>), the form DESIGN.md uses for every duration.</summary>
public static class IsoDuration
{
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        try
        {
            duration = XmlConvert.ToTimeSpan(text.Trim());
            return true;
        }
        catch (FormatException)
        {
            return TimeSpan.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out duration);
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    public static string Format(TimeSpan duration) => XmlConvert.ToString(duration);
}
