using Microsoft.Extensions.Options;

namespace UptimeCoordinator.Delivery.Email;

/// <summary>Stops the start when email is half configured, naming the key to fix.</summary>
internal sealed class SmtpOptionsValidator : IValidateOptions<SmtpOptions>
{
    private const string Section = SmtpOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, SmtpOptions options)
    {
        if (!options.IsConfigured)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        if (options.Port is < 1 or > 65535)
        {
            failures.Add($"{Section}:Port must be between 1 and 65535; got {options.Port}.");
        }

        if (string.IsNullOrWhiteSpace(options.From))
        {
            failures.Add($"{Section}:From is required when {Section}:Host is set, such as 'Uptime <uptime@example.com>'.");
        }
        else if (EmailMessage.SenderFrom(options.From) is null)
        {
            failures.Add($"{Section}:From must be an email address such as 'uptime@example.com' or 'Uptime <uptime@example.com>'; got '{options.From}'.");
        }

        if (!string.IsNullOrEmpty(options.UserName) && string.IsNullOrEmpty(options.Password))
        {
            failures.Add($"{Section}:Password is required when {Section}:UserName is set.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
