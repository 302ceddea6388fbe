using Microsoft.Extensions.Options;

namespace UptimeCoordinator.Host.Demo;

/// <summary>
/// Refuses to start demo mode outside Development: it seeds made-up clients, posts made-up
/// outages and serves an unauthenticated inbox, none of which may reach a real deployment.
/// </summary>
internal sealed class DemoOptionsValidator(IHostEnvironment environment) : IValidateOptions<DemoOptions>
{
    public ValidateOptionsResult Validate(string? name, DemoOptions options)
    {
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>(options.Unreadable);
        if (!environment.IsDevelopment())
        {
            failures.Insert(0,
                $"Demo mode (Demo:Enabled=true or --demo) runs only in the Development environment, and this one is '{environment.EnvironmentName}'. " +
                "Remove Demo:Enabled, or set ASPNETCORE_ENVIRONMENT=Development on a machine of your own.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
