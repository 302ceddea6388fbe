using Microsoft.Extensions.Options;
using UptimeCoordinator.Domain.Services;

namespace UptimeCoordinator.Host.Auth;

/// <summary>
/// Refuses to start with a malformed role, or outside Development with no keys at all: a
/// production host that nobody can call, or that anybody can, is a misconfiguration.
/// </summary>
internal sealed class ApiKeyOptionsValidator(IHostEnvironment environment) : IValidateOptions<ApiKeyOptions>
{
    public ValidateOptionsResult Validate(string? name, ApiKeyOptions options)
    {
        if (options.ApiKeys.Count == 0 && !environment.IsDevelopment())
        {
            return ValidateOptionsResult.Fail(
                $"No API keys are configured and the environment is '{environment.EnvironmentName}'. " +
                "Set Auth:ApiKeys:<key>=<role> (role: ops, monitor or client:<clientId>), for example the environment variable Auth__ApiKeys__<key>=ops. " +
                "Demo keys exist only in Development.");
        }

        var failures = options.ApiKeys
            .Where(k => !IsValidRole(k.Value))
            .Select(k => $"Auth:ApiKeys has a key with role '{k.Value}'; the role must be ops, monitor or client:<clientId>.")
            .ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsValidRole(string role) =>
        role is Roles.Ops or Roles.Monitor ||
        (role.StartsWith(Roles.ClientPrefix, StringComparison.Ordinal) && ServiceId.IsValid(role[Roles.ClientPrefix.Length..]));
}
