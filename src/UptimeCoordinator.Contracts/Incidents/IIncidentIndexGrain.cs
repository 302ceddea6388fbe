namespace UptimeCoordinator.Contracts.Incidents;

/// <summary>Lists incidents, newest first, so that no listing scans incident grains (single key <see cref="Key"/>).</summary>
[Alias("uc.IIncidentIndexGrain")]
public interface IIncidentIndexGrain : IGrainWithStringKey
{
    const string Key = "all";

    /// <summary>Records an incident's place and whether it is open; a repeat changes nothing. Interleaves, so that upserts share writes.</summary>
    [Alias("Upsert"), Orleans.Concurrency.AlwaysInterleave]
    Task UpsertAsync(IncidentIndexEntry entry);

    [Alias("List")]
    Task<IdPage> ListAsync(bool openOnly, string? after, int limit);

    /// <summary>Response figures over the incidents opened in <c>[from, to)</c>, from the index alone.</summary>
    /// <summary>How many incidents are open now (suspected ones included), for the <c>uptime_incidents_open</c> gauge.</summary>
    [Alias("CountOpen"), Orleans.Concurrency.ReadOnly, Orleans.Concurrency.AlwaysInterleave]
    Task<int> CountOpenAsync();

    [Alias("Stats"), Orleans.Concurrency.ReadOnly]
    Task<IncidentStatsView> StatsAsync(DateTimeOffset from, DateTimeOffset to);
}
