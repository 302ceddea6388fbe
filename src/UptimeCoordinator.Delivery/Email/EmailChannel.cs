using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using UptimeCoordinator.Delivery.Dispatching;
using UptimeCoordinator.Domain.Notices;

namespace UptimeCoordinator.Delivery.Email;

/// <summary>
/// Sends email notices through the configured SMTP relay, one connection per attempt: a relay that
/// dropped or throttled the last one gets a clean session.
/// </summary>
internal sealed class EmailChannel(IOptions<SmtpOptions> options, TimeProvider time) : IDeliveryChannel
{
    private readonly SmtpOptions _smtp = options.Value;

    public NoticeChannel Channel => NoticeChannel.Email;

    public string? Unconfigured => _smtp.IsConfigured ? null : $"email is not configured: set {SmtpOptions.SectionName}:Host";

    public string EndpointOf(NoticeDelivery delivery) => $"smtp://{_smtp.Host}:{_smtp.ResolvedPort}";

    public async Task<AttemptResult> SendAsync(NoticeDelivery delivery, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(_smtp.Host))
        {
            return AttemptResult.Permanent(Unconfigured ?? "email is not configured");
        }

        if (EmailMessage.SenderFrom(_smtp.From) is not { } sender)
        {
            return AttemptResult.Permanent($"{SmtpOptions.SectionName}:From is not an email address");
        }

        MimeMessage message;
        try
        {
            message = EmailMessage.Compose(delivery, sender, time.GetUtcNow());
        }
        catch (ParseException)
        {
            return AttemptResult.Permanent("the recipient is not an email address");
        }

        using (message)
        using (var client = new SmtpClient())
        {
            try
            {
                await client.ConnectAsync(_smtp.Host, _smtp.ResolvedPort, SocketOptions(), cancellationToken);
                if (!string.IsNullOrEmpty(_smtp.UserName))
                {
                    await client.AuthenticateAsync(_smtp.UserName, _smtp.Password ?? "", cancellationToken);
                }

                await client.SendAsync(message, cancellationToken);
            }
            catch (Exception exception) when (Classify(exception) is { } failure && !cancellationToken.IsCancellationRequested)
            {
                return failure;
            }

            await QuitQuietlyAsync(client);
            return AttemptResult.Sent;
        }
    }

    private static AttemptResult? Classify(Exception exception) => exception switch
    {
        SmtpCommandException { StatusCode: var code } when (int)code is >= 400 and < 500 =>
            AttemptResult.Transient(Reply(exception.Message, (int)code)),
        SmtpCommandException { StatusCode: var code } => AttemptResult.Permanent(Reply(exception.Message, (int)code)),
        MailKit.Security.AuthenticationException => AttemptResult.Permanent("SMTP authentication failed"),
        SslHandshakeException => AttemptResult.Transient("TLS handshake with the SMTP server failed"),
        // MailKit's own words, such as "The SMTP server does not support the STARTTLS extension."
        NotSupportedException => AttemptResult.Permanent(OneLine(exception.Message)),
        SmtpProtocolException => AttemptResult.Transient("SMTP protocol error"),
        ServiceNotConnectedException => AttemptResult.Transient("connection lost"),
        _ => NetworkFailure.Describe(exception) is { } text ? AttemptResult.Transient(text) : null,
    };

    private static string Reply(string text, int code) => $"SMTP {code} {OneLine(text)}".TrimEnd();

    private static string OneLine(string text)
    {
        var line = text.ReplaceLineEndings(" ").Trim();
        return line.Length <= 160 ? line : string.Concat(line.AsSpan(0, 157), "...");
    }

    private async Task QuitQuietlyAsync(SmtpClient client)
    {
        // The relay accepted the message already: a failed QUIT must not turn it into a retry and a duplicate.
        using var quitTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(5), time);
        try
        {
            await client.DisconnectAsync(quit: true, quitTimeout.Token);
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException or ProtocolException
            or System.Net.Sockets.SocketException or ServiceNotConnectedException)
        {
        }
    }

    private SecureSocketOptions SocketOptions() => (_smtp.UseTls, _smtp.ResolvedPort) switch
    {
        (false, _) => SecureSocketOptions.None,
        (true, 465) => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.StartTls,
    };
}
