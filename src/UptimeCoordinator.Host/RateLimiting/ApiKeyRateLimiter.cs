using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using UptimeCoordinator.Host.Auth;
using UptimeCoordinator.Host.Errors;

namespace UptimeCoordinator.Host.RateLimiting;

/// <summary>
/// One token bucket per API key, sized by the key's role (<see cref="RateLimitingOptions"/>): a key
/// may spend a second's worth of requests at once, then as many per second as its role allows.
/// Requests without a key (probes, metrics, the feedback link, PagerDuty's routing key) are not
/// limited here: they carry no key to count against.
/// </summary>
public static class ApiKeyRateLimiter
{
    public static WebApplicationBuilder AddApiKeyRateLimiting(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RateLimitingOptions>().BindConfiguration(RateLimitingOptions.Section)
            .Validate(o => o.MonitorPerSecond >= 0 && o.OpsPerSecond >= 0 && o.ClientPerSecond >= 0,
                "RateLimiting:MonitorPerSecond, :OpsPerSecond and :ClientPerSecond must be 0 (off) or more requests per second.")
            .ValidateOnStart();
        builder.Services.AddRateLimiter(_ => { });
        builder.Services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitingOptions>>((limiter, limits) =>
        {
            var perRole = limits.Value;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => PartitionFor(context.User, perRole));
            limiter.OnRejected = RejectAsync;
        });
        return builder;
    }

    /// <summary>After authentication, which tells whose key a request carries.</summary>
    public static WebApplication UseApiKeyRateLimiting(this WebApplication app)
    {
        app.UseRateLimiter();
        return app;
    }

    public static RateLimitPartition<string> PartitionFor(ClaimsPrincipal user, RateLimitingOptions limits)
    {
        var keyId = user.FindFirstValue(ApiKeyId.Claim);
        var perSecond = keyId is null ? 0 : PerSecond(user, limits);
        if (perSecond <= 0)
        {
            return RateLimitPartition.GetNoLimiter("unlimited");
        }

        return RateLimitPartition.GetTokenBucketLimiter(keyId!, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = perSecond,
            TokensPerPeriod = perSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    private static int PerSecond(ClaimsPrincipal user, RateLimitingOptions limits) =>
        user.IsInRole(Roles.Ops) ? limits.OpsPerSecond
        : user.IsInRole(Roles.Monitor) ? limits.MonitorPerSecond
        : user.IsInRole(Roles.Client) ? limits.ClientPerSecond
        : 0;

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        var context = rejected.HttpContext;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteProblemAsync(context, StatusCodes.Status429TooManyRequests, "Too many requests",
            $"This API key has used its requests for now; retry after {seconds} s. The limit is per key and role (RateLimiting:*).");
    }
}
