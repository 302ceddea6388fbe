namespace UptimeCoordinator.Contracts.Incidents;

/// <summary>Lists incidents, newest first, so that no listing scans incident grains (single key <see cref="Key"/>).</summary>
[Alias("uc.IIncidentIndexGrain")]
public interface IIncidentIndexGrain : IGrainWithStringKey
{
    const string Key = "all";

    /// <summary>Records an incident's place and whether it is open; a repeat changes nothing.</summary>
    [Alias("Upsert")]
    Task UpsertAsync(IncidentIndexEntry entry);

    [Alias("List")]
    Task<IdPage> ListAsync(bool openOnly, string? after, int limit);
}
