namespace UptimeCoordinator.Host.Hosting;

/// <summary>
/// How long a stopping host may take. On SIGTERM, hosted services stop in reverse order of
/// registration: Kestrel stops taking requests and finishes those it has, the notice dispatcher lets
/// its sends in flight finish and report to the client grains (<c>Notifications:Delivery:DrainTimeout</c>),
/// and the silo, registered first, hands its grains over and leaves the cluster last.
/// </summary>
internal static class CoordinatorShutdown
{
    /// <summary>The generic host's own key for <see cref="HostOptions.ShutdownTimeout"/>, in seconds.</summary>
    public const string TimeoutKey = "shutdownTimeoutSeconds";

    // The default 30 s would leave the silo barely 10 s after a full 20 s drain. Our Kubernetes
    // manifests give a pod 60 s from SIGTERM to SIGKILL, 5 s of which the preStop hook sleeps: 45 s
    // fits inside with margin, so the host is never killed in the middle of leaving the cluster.
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(45);

    public static IServiceCollection AddCoordinatorShutdown(this IServiceCollection services, IConfiguration configuration) =>
        services.Configure<HostOptions>(options =>
        {
            // The host has already read shutdownTimeoutSeconds into the options; an operator's value wins.
            if (configuration[TimeoutKey] is null)
            {
                options.ShutdownTimeout = DefaultTimeout;
            }
        });
}
