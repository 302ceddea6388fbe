using Microsoft.Extensions.Logging;
using UptimeCoordinator.Contracts.Changes;

namespace UptimeCoordinator.Grains.Changes;

/// <summary>Announces persisted changes on the cluster-wide <see cref="ChangeStream"/>.</summary>
internal static partial class ChangePublisher
{
    private static readonly StreamId Stream = StreamId.Create(ChangeStream.Namespace, ChangeStream.Key);

    /// <summary>
    /// Publishes <paramref name="changes"/> in order. Call it only after the state write succeeded.
    /// It never throws: the change is stored and the caller's operation has succeeded, so a stream
    /// that does not answer costs live viewers an event, not the caller its answer.
    /// </summary>
    public static async Task PublishChangesAsync(this IGrainBase grain, IReadOnlyCollection<ChangeEvent> changes, ILogger logger)
    {
        if (changes.Count == 0)
        {
            return;
        }

        try
        {
            var stream = grain.GetStreamProvider(ChangeStream.ProviderName).GetStream<ChangeEvent>(Stream);
            foreach (var change in changes)
            {
                await stream.OnNextAsync(change);
            }
        }
        catch (Exception ex)
        {
            LogPublishFailed(logger, ex, grain.GrainContext.GrainId, changes.Count);
        }
    }

    public static Task PublishChangeAsync(this IGrainBase grain, ChangeEvent change, ILogger logger) =>
        grain.PublishChangesAsync([change], logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{GrainId}: publishing {Count} change(s) to the live stream failed; the changes are stored, live viewers miss them")]
    private static partial void LogPublishFailed(ILogger logger, Exception ex, GrainId grainId, int count);
}
