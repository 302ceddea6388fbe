using System.Runtime.InteropServices;

namespace UptimeCoordinator.Domain.Maintenance;

/// <summary>
/// Usage curves equal weight by weight, bit for bit. Clients read from storage each carry their own
/// copy of the same curve, and grouping them by content is what lets ten thousand clients cost as
/// little as the handful of curves they actually use. Comparing bits rather than values only ever
/// keeps apart two curves that differ in the sign of a zero: a group more, never a wrong figure.
/// </summary>
internal sealed class CurveContent : IEqualityComparer<double[]>
{
    public static CurveContent Comparer { get; } = new();

    /// <summary>The weights as an array: the curve itself when it is one (curves are never written to), else a copy.</summary>
    public static double[] AsArray(IReadOnlyList<double> curve) => curve as double[] ?? [.. curve];

    public bool Equals(double[]? x, double[]? y) =>
        ReferenceEquals(x, y) || (x is not null && y is not null && MemoryMarshal.AsBytes(x.AsSpan()).SequenceEqual(MemoryMarshal.AsBytes(y.AsSpan())));

    public int GetHashCode(double[] curve)
    {
        var hash = new HashCode();
        hash.AddBytes(MemoryMarshal.AsBytes(curve.AsSpan()));
        return hash.ToHashCode();
    }
}
