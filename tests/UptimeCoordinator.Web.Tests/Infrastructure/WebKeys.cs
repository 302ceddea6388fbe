using System.Globalization;

namespace UptimeCoordinator.Web.Tests.Infrastructure;

/// <summary>
/// The API keys every <see cref="WebHostApp"/> configures: one per role, the two named clients, and a
/// pool of keyed client ids so that each test can have a client of its own (keys are read once at start).
/// </summary>
public static class WebKeys
{
    public const string Ops = "web-tests-ops-key";
    public const string Monitor = "web-tests-monitor-key";
    public const string AcmeId = "acme";
    public const string GlobexId = "globex";
    public const string Acme = "web-tests-client-acme-key";
    public const string Globex = "web-tests-client-globex-key";

    /// <summary>A key that is configured nowhere.</summary>
    public const string Unknown = "web-tests-no-such-key";

    /// <summary>How many pooled client ids (<c>web-c01</c>, <c>web-c02</c>, ...) have keys.</summary>
    public const int PoolSize = 80;

    public static IEnumerable<string> PooledClientIds =>
        Enumerable.Range(1, PoolSize).Select(i => "web-c" + i.ToString("00", CultureInfo.InvariantCulture));

    /// <summary>The key of any configured client: acme, globex or a pooled id.</summary>
    public static string ClientKey(string clientId) => clientId switch
    {
        AcmeId => Acme,
        GlobexId => Globex,
        _ => $"web-tests-client-{clientId}-key",
    };

    /// <summary>Every configured key with its role, as <c>Auth:ApiKeys</c> wants it.</summary>
    public static IEnumerable<KeyValuePair<string, string>> All()
    {
        yield return new(Ops, "ops");
        yield return new(Monitor, "monitor");
        foreach (var id in PooledClientIds.Prepend(GlobexId).Prepend(AcmeId))
        {
            yield return new(ClientKey(id), "client:" + id);
        }
    }
}
