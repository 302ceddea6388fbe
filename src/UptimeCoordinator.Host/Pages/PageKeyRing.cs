using Microsoft.AspNetCore.DataProtection;
using StackExchange.Redis;

namespace UptimeCoordinator.Host.Pages;

/// <summary>
/// The keys that protect the page cookies. In a cluster every host must read a cookie another host
/// issued (a load balancer sends the next request anywhere, and a host may be replaced), so with
/// Redis configured the key ring lives there; an embedded single node keeps its own.
/// </summary>
public static class PageKeyRing
{
    public const string RedisKey = "uptime-coordinator:data-protection-keys";

    public static WebApplicationBuilder AddPageKeyRing(this WebApplicationBuilder builder)
    {
        var protection = builder.Services.AddDataProtection()
            .SetApplicationName(builder.Configuration["Orleans:ServiceId"] ?? "uptime-coordinator");
        if (builder.Configuration.GetConnectionString("Redis") is { Length: > 0 } redis)
        {
            var connection = new Lazy<ConnectionMultiplexer>(() => ConnectionMultiplexer.Connect(redis));
            protection.PersistKeysToStackExchangeRedis(() => connection.Value.GetDatabase(), RedisKey);
        }

        return builder;
    }
}
