using System.Globalization;

namespace UptimeCoordinator.Deployment.Tests.Kubernetes;

/// <summary>Kubernetes resource quantities (<c>500m</c>, <c>2</c>, <c>512Mi</c>, <c>1G</c>) as plain numbers, to compare requests with limits.</summary>
internal static class ResourceQuantity
{
    private static readonly (string Suffix, decimal Factor)[] Suffixes =
    [
        ("Ki", 1L << 10), ("Mi", 1L << 20), ("Gi", 1L << 30), ("Ti", 1L << 40),
        ("m", 0.001m), ("k", 1e3m), ("M", 1e6m), ("G", 1e9m), ("T", 1e12m),
    ];

    public static decimal Parse(string text)
    {
        var (suffix, factor) = Suffixes.FirstOrDefault(s => text.EndsWith(s.Suffix, StringComparison.Ordinal), (Suffix: "", Factor: 1m));
        var number = text[..^suffix.Length];
        return decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value * factor
            : throw new FormatException($"'{text}' is not a positive Kubernetes quantity.");
    }
}
