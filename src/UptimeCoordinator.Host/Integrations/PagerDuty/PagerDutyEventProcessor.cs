using UptimeCoordinator.Contracts.Health;
using UptimeCoordinator.Contracts.Incidents;
using UptimeCoordinator.Contracts.Integrations;
using UptimeCoordinator.Contracts.Services;
using UptimeCoordinator.Host.Events;

namespace UptimeCoordinator.Host.Integrations.PagerDuty;

/// <summary>
/// Carries out validated PagerDuty events. A trigger records its dedup key's service and check, so that
/// an acknowledge or resolve, which carries only the key, reaches them; an unknown key is dropped, as
/// PagerDuty drops it. Each step is idempotent, so the sender's retry after a failure is safe.
/// </summary>
public sealed class PagerDutyEventProcessor(IGrainFactory grains, EventIngestor ingestor)
{
    private const string UnknownKey = "Event dropped: no alert was triggered with this dedup_key";

    /// <returns>The message for the sender: <see cref="PagerDutyAccepted.Processed"/>, or why the event was dropped.</returns>
    public async Task<string> TriggerAsync(string serviceId, HealthEvent healthEvent, string dedupKey)
    {
        var result = await ingestor.IngestAsync([(0, serviceId, healthEvent)], UnknownServices.Skip);
        if (result.UnknownServiceItems.Length > 0)
        {
            return $"Event dropped: service '{serviceId}' is not in the catalogue";
        }

        // After the event, so that a failure here is retried by the sender rather than leaving a key for nothing.
        await DedupKey(dedupKey).RememberAsync(new DedupTarget(serviceId, healthEvent.Check));
        return PagerDutyAccepted.Processed;
    }

    public async Task<string> ResolveAsync(string dedupKey, PagerDutyPayload? payload, DateTimeOffset now)
    {
        var key = DedupKey(dedupKey);
        if (await key.FindAsync() is not { } target)
        {
            return UnknownKey;
        }

        // Built from what the trigger stored, which was valid then; a service removed since is skipped.
        var request = PagerDutyEventMapper.Resolve(target.ServiceId, target.Check, payload, now);
        if (HealthEventBatchReader.Validate(request, now, new()) is { } up)
        {
            await ingestor.IngestAsync([(0, target.ServiceId, up)], UnknownServices.Skip);
        }

        await key.ForgetAsync();
        return PagerDutyAccepted.Processed;
    }

    public async Task<string> AcknowledgeAsync(string dedupKey, string by, string? message)
    {
        if (await DedupKey(dedupKey).FindAsync() is not { } target)
        {
            return UnknownKey;
        }

        if (await grains.GetGrain<IServiceGrain>(target.ServiceId).GetAsync() is not { OpenIncidentId: { } incidentId })
        {
            return $"Event dropped: service '{target.ServiceId}' has no open incident";
        }

        // A conflict when the incident is already past detection: acknowledging twice changes nothing, as in PagerDuty.
        await grains.GetGrain<IIncidentGrain>(incidentId).AcknowledgeAsync(new AcknowledgeIncident(by, null, message));
        return PagerDutyAccepted.Processed;
    }

    private IDedupKeyGrain DedupKey(string dedupKey) =>
        grains.GetGrain<IDedupKeyGrain>(IDedupKeyGrain.KeyFor(PagerDutyEventMapper.Source, dedupKey));
}
