using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using UptimeCoordinator.Host.Tests.Infrastructure;

namespace UptimeCoordinator.Web.Tests.OpsConsole;

/// <summary>
/// A real webhook endpoint on a loopback port that answers 500 until <see cref="Fix"/> is called,
/// then 204; it keeps the <c>webhook-id</c> of every request it saw, failed or not.
/// </summary>
public sealed class FailingWebhookReceiver : IAsyncDisposable
{
    private readonly HttpListener listener = new();
    private readonly Task loop;
    private volatile bool healthy;

    public FailingWebhookReceiver()
    {
        var port = FreePorts.Next();
        Url = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/hook/";
        listener.Prefixes.Add(Url);
        listener.Start();
        loop = Task.Run(ServeAsync);
    }

    public string Url { get; }

    /// <summary>(webhook-id, the status this receiver answered) in arrival order.</summary>
    public ConcurrentQueue<(string NoticeId, int Status)> Seen { get; } = new();

    public void Fix() => healthy = true;

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            var status = healthy ? 204 : 500;
            Seen.Enqueue((context.Request.Headers["webhook-id"] ?? "", status));
            context.Response.StatusCode = status;
            context.Response.Close();
        }
    }

    public async ValueTask DisposeAsync()
    {
        listener.Stop();
        listener.Close();
        await loop;
    }
}
