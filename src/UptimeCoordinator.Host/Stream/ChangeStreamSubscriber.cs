using System.Diagnostics;
using Orleans.Streams;
using UptimeCoordinator.Contracts.Changes;

namespace UptimeCoordinator.Host.Stream;

/// <summary>
/// Subscribes this host, once, to the cluster-wide <see cref="ChangeStream"/> and feeds what arrives into
/// the <see cref="ChangeFeed"/> of its SSE connections. It starts after the co-hosted silo and before
/// Kestrel listens, so a host that answers requests already sees every change. If it cannot subscribe
/// within a minute the host fails to start rather than serve a silent stream. It unsubscribes on a
/// clean stop, and a host that dies is dropped by the stream as an unreachable consumer.
/// </summary>
internal sealed partial class ChangeStreamSubscriber(IClusterClient cluster, ChangeFeed feed, ILogger<ChangeStreamSubscriber> logger)
    : IHostedService, IAsyncObserver<ChangeEvent>
{
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(60);

    private StreamSubscriptionHandle<ChangeEvent>? _subscription;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var stream = cluster.GetStreamProvider(ChangeStream.ProviderName)
            .GetStream<ChangeEvent>(StreamId.Create(ChangeStream.Namespace, ChangeStream.Key));
        var clock = Stopwatch.StartNew();
        var delay = TimeSpan.FromMilliseconds(250);
        while (true)
        {
            try
            {
                _subscription = await stream.SubscribeAsync(this);
                LogSubscribed(ChangeStream.ProviderName, ChangeStream.Namespace, ChangeStream.Key);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException && clock.Elapsed < GiveUpAfter)
            {
                // The pub-sub grain lives in the cluster: while it settles (a silo joining, storage slow), try again.
                LogSubscribeFailed(ex, delay.TotalSeconds);
                await Task.Delay(delay, cancellationToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(5).Ticks));
            }
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        feed.Complete();
        if (_subscription is not { } subscription)
        {
            return;
        }

        try
        {
            await subscription.UnsubscribeAsync().WaitAsync(cancellationToken);
        }
        catch (Exception ex)
        {
            // Not fatal: the stream drops a consumer it cannot reach.
            LogUnsubscribeFailed(ex);
        }
    }

    public Task OnNextAsync(ChangeEvent item, StreamSequenceToken? token = null)
    {
        feed.Append(item);
        return Task.CompletedTask;
    }

    public Task OnCompletedAsync() => Task.CompletedTask;

    public Task OnErrorAsync(Exception ex)
    {
        LogStreamError(ex);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Live stream: subscribed to Orleans stream {Provider}/{Namespace}/{Key}")]
    private partial void LogSubscribed(string provider, string @namespace, string key);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live stream: subscribing to the change stream failed; retrying in {Seconds} s")]
    private partial void LogSubscribeFailed(Exception ex, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live stream: unsubscribing from the change stream failed")]
    private partial void LogUnsubscribeFailed(Exception ex);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live stream: the change stream reported an error")]
    private partial void LogStreamError(Exception ex);
}
