using UptimeCoordinator.Contracts.Health;
using UptimeCoordinator.Domain;
using UptimeCoordinator.Host.Events;

namespace UptimeCoordinator.Host.Integrations.Generic;

/// <summary>
/// Applies the events mapped from one tool payload. An item that names no service, no known service,
/// or cannot be a valid event is skipped and reported rather than refused: the tool would only send it again.
/// </summary>
public static class ToolEventBatch
{
    /// <param name="noServiceReason">Why an item without a service id was skipped, in the tool's terms.</param>
    public static async Task<IntegrationAccepted> IngestAsync(
        IReadOnlyList<MappedEvent> mapped, string noServiceReason, DateTimeOffset now, EventIngestor ingestor)
    {
        var skipped = new List<(int Index, SkippedItem Item)>();
        var events = new List<(int Index, string ServiceId, HealthEvent Event)>(mapped.Count);
        for (var i = 0; i < mapped.Count; i++)
        {
            var (item, request) = mapped[i];
            var errors = new ValidationErrors();
            if (request.ServiceId is null)
            {
                skipped.Add((i, new SkippedItem(item, null, noServiceReason)));
            }
            else if (HealthEventBatchReader.Validate(request, now, errors) is { } valid)
            {
                events.Add((i, request.ServiceId, valid));
            }
            else
            {
                skipped.Add((i, new SkippedItem(item, request.ServiceId, Describe(errors))));
            }
        }

        var result = await ingestor.IngestAsync(events, UnknownServices.Skip);
        skipped.AddRange(result.UnknownServiceItems.Select(i =>
            (i, new SkippedItem(mapped[i].Item, mapped[i].Request.ServiceId, $"service '{mapped[i].Request.ServiceId}' is not in the catalogue"))));
        return new IntegrationAccepted(result.Accepted, result.Duplicates, [.. skipped.OrderBy(s => s.Index).Select(s => s.Item)]);
    }

    private static string Describe(ValidationErrors errors) =>
        string.Join("; ", errors.ToDictionary().Select(e => $"{e.Key} {string.Join(", ", e.Value)}"));
}
