using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MimeKit;

namespace UptimeCoordinator.Delivery.Tests.Support;

/// <summary>
/// A small SMTP server on 127.0.0.1 (EHLO/HELO, AUTH PLAIN, MAIL, RCPT, DATA, RSET, NOOP, QUIT) that
/// keeps the raw bytes of each accepted message and can answer like a busy or refusing relay.
/// </summary>
internal sealed class SmtpTestServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentQueue<byte[]> _messages = new();
    private readonly ConcurrentQueue<string> _logins = new();
    private readonly Task _accepting;
    private int _connections;
    private int _dataCommands;
    private int _mailCommands;

    public SmtpTestServer()
    {
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>The first this many messages are refused with <c>451</c> after their data.</summary>
    public int BusyDataReplies { get; set; }

    /// <summary>The first this many MAIL commands are refused with <c>451</c>.</summary>
    public int BusyMailReplies { get; set; }

    /// <summary>Every recipient is refused with <c>550</c>.</summary>
    public bool RefuseRecipients { get; set; }

    public int Connections => Volatile.Read(ref _connections);

    public int DataCommands => Volatile.Read(ref _dataCommands);

    public IReadOnlyList<string> Logins => [.. _logins];

    public IReadOnlyList<MimeMessage> Messages => [.. _messages.Select(raw => MimeMessage.Load(new MemoryStream(raw)))];

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        _stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stopping.Token);
            Interlocked.Increment(ref _connections);
            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            var stream = client.GetStream();
            try
            {
                await ConverseAsync(new BufferedStream(stream), stream, _stopping.Token);
            }
            catch (Exception exception) when (exception is IOException or OperationCanceledException or SocketException)
            {
            }
        }
    }

    private async Task ConverseAsync(Stream input, Stream output, CancellationToken cancellationToken)
    {
        async Task Reply(string text) => await output.WriteAsync(Encoding.ASCII.GetBytes(text + "\r\n"), cancellationToken);

        await Reply("220 smtp.test ESMTP ready");
        while (await ReadLineAsync(input, cancellationToken) is { } line)
        {
            var verb = line.Split(' ', 2)[0].ToUpperInvariant();
            switch (verb)
            {
                case "EHLO":
                    await Reply("250-smtp.test greets you\r\n250-8BITMIME\r\n250 AUTH PLAIN");
                    break;
                case "HELO":
                    await Reply("250 smtp.test");
                    break;
                case "AUTH":
                    var argument = line.Split(' ') is [_, _, var initial] ? initial : null;
                    if (argument is null)
                    {
                        await Reply("334 ");
                        argument = await ReadLineAsync(input, cancellationToken) ?? "";
                    }

                    _logins.Enqueue(Encoding.UTF8.GetString(Convert.FromBase64String(argument)).Split('\0')[1]);
                    await Reply("235 2.7.0 authenticated");
                    break;
                case "MAIL":
                    await Reply(Interlocked.Increment(ref _mailCommands) <= BusyMailReplies ? "451 4.3.2 busy, try again later" : "250 2.1.0 ok");
                    break;
                case "RCPT":
                    await Reply(RefuseRecipients ? "550 5.1.1 no such user" : "250 2.1.5 ok");
                    break;
                case "DATA":
                    await Reply("354 end data with <CR><LF>.<CR><LF>");
                    var message = await ReadDataAsync(input, cancellationToken);
                    if (Interlocked.Increment(ref _dataCommands) <= BusyDataReplies)
                    {
                        await Reply("451 4.3.0 queue full, try again later");
                    }
                    else
                    {
                        _messages.Enqueue(message);
                        await Reply("250 2.0.0 queued");
                    }

                    break;
                case "RSET" or "NOOP":
                    await Reply("250 2.0.0 ok");
                    break;
                case "QUIT":
                    await Reply("221 2.0.0 bye");
                    return;
                default:
                    await Reply("502 5.5.2 command not recognised");
                    break;
            }
        }
    }

    private static async Task<byte[]> ReadDataAsync(Stream input, CancellationToken cancellationToken)
    {
        using var message = new MemoryStream();
        while (await ReadLineAsync(input, cancellationToken) is { } line && line != ".")
        {
            // Dot-stuffing: a leading dot was doubled by the client.
            var bytes = Encoding.UTF8.GetBytes(line.StartsWith('.') ? line[1..] : line);
            message.Write(bytes);
            message.Write("\r\n"u8);
        }

        return message.ToArray();
    }

    private static async Task<string?> ReadLineAsync(Stream input, CancellationToken cancellationToken)
    {
        var line = new List<byte>();
        var one = new byte[1];
        while (await input.ReadAsync(one, cancellationToken) == 1)
        {
            if (one[0] == '\n')
            {
                return Encoding.UTF8.GetString(line.ToArray()).TrimEnd('\r');
            }

            line.Add(one[0]);
        }

        return null;
    }
}
