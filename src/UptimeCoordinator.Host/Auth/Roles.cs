namespace UptimeCoordinator.Host.Auth;

/// <summary>The roles an API key can carry (DESIGN.md §4) and the policies built on them.</summary>
public static class Roles
{
    public const string Ops = "ops";
    public const string Monitor = "monitor";
    public const string Client = "client";
    public const string ClientPrefix = "client:";
    public const string ClientIdClaim = "client_id";

    /// <summary>Everything: the catalogue, incidents, maintenance.</summary>
    public const string OpsPolicy = "ops";

    /// <summary>Posting health events: monitoring tools, and ops.</summary>
    public const string IngestPolicy = "ingest";
}
