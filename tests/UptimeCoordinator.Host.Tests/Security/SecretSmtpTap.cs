using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace UptimeCoordinator.Host.Tests.Security;

/// <summary>
/// A loopback TCP relay in front of an SMTP server that keeps what the client sent, so a test can see
/// the password go over the wire (the SMTP test server keeps only the user name of a login).
/// </summary>
internal sealed class SecretSmtpTap : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentQueue<string> _sent = new();
    private readonly int _upstreamPort;
    private readonly Task _accepting;

    public SecretSmtpTap(int upstreamPort)
    {
        _upstreamPort = upstreamPort;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Every line a client sent, across all connections.</summary>
    public string ClientLines => string.Join("\n", _sent);

    /// <summary>The decoded AUTH PLAIN arguments the client sent: authorisation id, user name and password.</summary>
    public List<string[]> PlainLogins =>
    [
        .. _sent.Where(l => l.StartsWith("AUTH PLAIN ", StringComparison.OrdinalIgnoreCase))
            .Select(l => Encoding.UTF8.GetString(Convert.FromBase64String(l.Split(' ')[2])).Split('\0')),
    ];

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
            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        using (client)
        using (var upstream = new TcpClient())
        {
            try
            {
                await upstream.ConnectAsync(IPAddress.Loopback, _upstreamPort, _stopping.Token);
                var fromClient = CopyAsync(client.GetStream(), upstream.GetStream(), keep: true);
                var fromServer = CopyAsync(upstream.GetStream(), client.GetStream(), keep: false);
                await Task.WhenAny(fromClient, fromServer);
            }
            catch (Exception exception) when (exception is IOException or OperationCanceledException or SocketException)
            {
            }
        }
    }

    private async Task CopyAsync(System.IO.Stream from, System.IO.Stream to, bool keep)
    {
        var buffer = new byte[8192];
        var line = new List<byte>();
        try
        {
            int read;
            while ((read = await from.ReadAsync(buffer, _stopping.Token)) > 0)
            {
                if (keep)
                {
                    foreach (var b in buffer.AsSpan(0, read))
                    {
                        if (b == '\n')
                        {
                            _sent.Enqueue(Encoding.UTF8.GetString([.. line]).TrimEnd('\r'));
                            line.Clear();
                        }
                        else
                        {
                            line.Add(b);
                        }
                    }
                }

                await to.WriteAsync(buffer.AsMemory(0, read), _stopping.Token);
            }
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
    }
}
