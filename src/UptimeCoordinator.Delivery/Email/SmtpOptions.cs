namespace UptimeCoordinator.Delivery.Email;

/// <summary>
/// The SMTP relay that sends email notices (<c>Notifications:Smtp</c>). Without a <see cref="Host"/>,
/// email notices are deferred and stay pending. The password is never logged.
/// </summary>
public sealed class SmtpOptions
{
    public const string SectionName = "Notifications:Smtp";

    public string? Host { get; set; }

    /// <summary>Default 587 with <see cref="UseTls"/>, 25 without.</summary>
    public int? Port { get; set; }

    /// <summary>The sender, <c>uptime@example.com</c> or <c>Uptime &lt;uptime@example.com&gt;</c>. Required with a host.</summary>
    public string? From { get; set; }

    /// <summary>Authenticates when set.</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>
    /// True (the default): TLS is required, from the first byte on port 465 and by STARTTLS on any
    /// other. False sends in the clear, for a relay on a trusted network only.
    /// </summary>
    public bool UseTls { get; set; } = true;

    internal bool IsConfigured => !string.IsNullOrWhiteSpace(Host);

    internal int ResolvedPort => Port ?? (UseTls ? 587 : 25);
}
