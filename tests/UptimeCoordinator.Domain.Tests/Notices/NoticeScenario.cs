using UptimeCoordinator.Domain.Clients;
using UptimeCoordinator.Domain.Incidents;
using UptimeCoordinator.Domain.Notices;
using UptimeCoordinator.Domain.Services;

namespace UptimeCoordinator.Domain.Tests.Notices;

/// <summary>
/// A client "acme" subscribed to checkout (which depends on db) and to db itself, its contacts,
/// and the incident steps of db, applied the way the client grain applies them.
/// </summary>
internal sealed class NoticeScenario
{
    public static readonly DateTimeOffset Noon = new(2026, 1, 15, 12, 0, 0, TimeSpan.Zero);
    public static readonly TimeSpan UpdateInterval = TimeSpan.FromMinutes(30);

    public NoticeScenario(params Contact[] contacts) =>
        Client = new ClientDefinition("acme", "Acme", "Europe/Berlin", [new Subscription("checkout", 0.5), new Subscription("db", 1)],
            contacts.Length > 0 ? contacts : [Alice()]);

    public ClientDefinition Client { get; set; }

    public NoticeOutbox Outbox { get; } = new();

    public Dictionary<string, ClientImpact> Impacts { get; } = new(StringComparer.Ordinal);

    public static Contact Alice(IReadOnlyList<NoticeKind>? stages = null, QuietHours? quiet = null) =>
        new("alice", "Alice", "alice@acme.example", null, null, null, stages, quiet, null);

    public static Contact Hooks() =>
        new("ops-bot", "Acme ops bot", null, "https://hooks.acme.example/uc", "whsec_c2VjcmV0LXNlY3JldA==", "https://hooks.slack.example/T/B/x", null, null, null);

    public static IncidentStep Step(ServiceTransitionKind kind, long sequence, ServiceStatus status, int minute, string incident = "db-1") =>
        new(kind, incident, "db", "Customer database", sequence, status, Noon.AddMinutes(minute), $"step {sequence}",
            [new ImpactedService("db", "Customer database", null), new ImpactedService("checkout", "Checkout", "db")]);

    /// <summary>Applies a step, planning at <paramref name="now"/>; returns what was planned.</summary>
    public List<Notice> Apply(IncidentStep step, DateTimeOffset? now = null)
    {
        var at = now ?? step.At;
        if (ClientImpacts.Apply(Impacts, Client, step, at + UpdateInterval) is not { } change)
        {
            return [];
        }

        var planned = NoticePlanner.PlanIncidentStep(Client, step, change.Affected, change.Impact, Outbox, at, UpdateInterval);
        Outbox.Add(planned);
        return planned;
    }

    public void MarkAllSent()
    {
        foreach (var notice in Outbox.Pending.ToList())
        {
            Outbox.Record(notice.Id, NoticeState.Sent, 1, null, notice.CreatedAt);
        }
    }

    /// <summary>Withdraws every pending notice of the incident, as the grain does when nothing was in flight.</summary>
    public void WithdrawPending(string incident = "db-1")
    {
        foreach (var notice in Outbox.Pending.Where(n => n.SubjectId == incident).ToList())
        {
            Outbox.Supersede(notice.Id, "superseded");
        }
    }
}
