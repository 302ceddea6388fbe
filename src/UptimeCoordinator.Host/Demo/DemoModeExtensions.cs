using Microsoft.Extensions.Options;

namespace UptimeCoordinator.Host.Demo;

/// <summary>
/// Demo mode (<c>Demo:Enabled=true</c> or <c>--demo</c>): seeded services and clients, a simulated
/// monitor that breaks them in turn, and an inbox for the clients' webhooks. Off, it adds nothing.
/// </summary>
public static class DemoModeExtensions
{
    public static WebApplicationBuilder AddDemoMode(this WebApplicationBuilder builder)
    {
        var options = new DemoOptions();
        DemoOptions.Bind(builder.Configuration, options);
        if (!options.Enabled)
        {
            return builder;
        }

        builder.Services.AddOptions<DemoOptions>().Configure(o => DemoOptions.Bind(builder.Configuration, o)).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<DemoOptions>, DemoOptionsValidator>();
        builder.Services.AddSingleton<DemoInbox>();
        builder.Services.AddSingleton<DemoSeeder>();
        builder.Services.AddSingleton<DemoSeedSignal>();
        builder.Services.AddHostedService<DemoSeeding>();
        builder.Services.AddHostedService<DemoMonitor>();
        return builder;
    }

    public static WebApplication MapDemo(this WebApplication app)
    {
        if (app.Services.GetService<DemoInbox>() is not null)
        {
            app.MapDemoInbox();
        }

        return app;
    }
}
