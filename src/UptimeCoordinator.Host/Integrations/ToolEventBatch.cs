using UptimeCoordinator.Contracts.Health;
using UptimeCoordinator.Domain;
using UptimeCoordinator.Host.Events;

namespace UptimeCoordinator.Host.Integrations;

/// <summary>
/// Applies the events mapped from one tool payload. An item that names no service, no known service,
/// or cannot be a valid event is skipped and reported rather than refused: the tool would only send it again.
/// </summary>
public static class ToolEventBatch
{
    /// <param name="noServiceReason">Why an item without a service id was skipped, in the tool's terms.</param>
    public static async Task<IntegrationAccepted> IngestAsync(
        ToolMapping mapping, string noServiceReason, DateTimeOffset now, EventIngestor ingestor)
    {
        var mapped = mapping.Events;
        var skipped = new List<SkippedItem>(mapping.Skipped);
        var events = new List<(int Index, string ServiceId, HealthEvent Event)>(mapped.Count);
        for (var i = 0; i < mapped.Count; i++)
        {
            var (item, request) = mapped[i];
            var errors = new ValidationErrors();
            if (request.ServiceId is null)
            {
                skipped.Add(new SkippedItem(item, null, request.Check, noServiceReason));
            }
            else if (HealthEventBatchReader.Validate(request, now, errors) is { } valid)
            {
                events.Add((i, request.ServiceId, valid));
            }
            else
            {
                skipped.Add(new SkippedItem(item, request.ServiceId, request.Check, Describe(errors)));
            }
        }

        var result = await ingestor.IngestAsync(events, UnknownServices.Skip);
        skipped.AddRange(result.UnknownServiceItems.Select(i => mapped[i]).Select(e =>
            new SkippedItem(e.Item, e.Request.ServiceId, e.Request.Check, $"unknown service '{e.Request.ServiceId}': it is not in the catalogue")));
        var position = mapping.Items.Select((item, index) => (item, index)).ToDictionary(p => p.item, p => p.index, StringComparer.Ordinal);
        return new IntegrationAccepted(result.Accepted, result.Duplicates, [.. skipped.OrderBy(s => position.GetValueOrDefault(s.Item))]);
    }

    /// <summary>The skipped items on one line, for a log: a tool shows no response body, so the log is where an operator learns of them.</summary>
    public static string Describe(IEnumerable<SkippedItem> skipped) =>
        string.Join("; ", skipped.Select(s => s.Check is null ? $"{s.Item}: {s.Reason}" : $"{s.Item} ({s.Check}): {s.Reason}"));

    private static string Describe(ValidationErrors errors) =>
        string.Join("; ", errors.ToDictionary().Select(e => $"{e.Key} {string.Join(", ", e.Value)}"));
}
