namespace UptimeCoordinator.LoadTest.Driving;

/// <summary>What a driver measured: requests answered, how many were not 2xx, and request latency.</summary>
internal sealed record DriveResult(
    string Driver,
    double Seconds,
    long Requests,
    long Failed,
    double RequestsPerSecond,
    double LatencyP50Ms,
    double LatencyP99Ms);
