using BenchmarkDotNet.Attributes;
using UptimeCoordinator.Domain.Clients;
using UptimeCoordinator.Domain.Incidents;
using UptimeCoordinator.Domain.Notices;
using UptimeCoordinator.Domain.Services;

namespace UptimeCoordinator.Benchmarks.Notices;

/// <summary>
/// What a client grain does when a responder declares an incident: <see cref="BulletinPlanner.Plan"/>
/// decides an <c>incident.detected</c> notice for every contact and channel and renders each one
/// (subject, text, HTML, and the JSON body of a webhook) inside its turn, so a big client's fan-out
/// is paid in full there, before the grain can persist.
/// </summary>
/// <remarks>
/// Contacts are a mix: an ops team with an inbox and a webhook, people on email, systems on a
/// webhook; one in four in a zone of its own. <see cref="NoticeHistory"/> is the outbox the planner
/// scans for each contact and channel to learn what it was told: empty for a new client, or full at
/// <see cref="NoticeOutbox.MaxFinished"/> sent notices of past incidents, where a long-lived client sits.
/// </remarks>
[MemoryDiagnoser]
public class NoticePlanningBenchmarks
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 9, 12, 0, TimeSpan.Zero);
    private static readonly TimeSpan UpdateInterval = TimeSpan.FromMinutes(30);
    private static readonly string[] OtherZones = ["Europe/London", "America/New_York", "Asia/Kolkata"];

    private static readonly AffectedService[] Impacted =
    [
        new("db", "Customer database", ServiceStatus.MajorOutage),
        new("checkout", "Checkout", ServiceStatus.PartialOutage, "db", "Customer database"),
        new("search", "Search", ServiceStatus.PartialOutage, "db", "Customer database"),
    ];

    private ClientDefinition _client = null!;
    private IncidentBulletinStep _step = null!;
    private ImpactChange _change = null!;
    private NoticeOutbox _outbox = null!;

    [Params(1, 10, 100)]
    public int Contacts { get; set; }

    [Params(0, NoticeOutbox.MaxFinished)]
    public int NoticeHistory { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20260310);
        _client = new ClientDefinition(
            "acme", "Acme Retail", "Europe/Berlin",
            [new Subscription("checkout", 0.8), new Subscription("db", 1), new Subscription("search", 0.3)],
            [.. Enumerable.Range(0, Contacts).Select(i => Contact(i, random))]);
        var bulletin = new IncidentBulletin(
            1, BulletinKind.Declared, Now, "erin", "Checkout fails for most EU customers; we are failing the database over to its replica.",
            Now.AddHours(1), null, null);
        _step = new IncidentBulletinStep(
            bulletin, "inc-20260310-0042", "Customer database: major outage", IncidentSeverity.Critical, IncidentStage.Investigating, Now.AddMinutes(-4), null, Impacted);

        // The grain narrows the bulletin to the client first; that is not what is measured here.
        _change = ClientImpacts.ApplyBulletin(new Dictionary<string, ClientImpact>(StringComparer.Ordinal), _client, _step, Now + UpdateInterval)
            ?? throw new InvalidOperationException("The bulletin must reach the client.");
        _outbox = new NoticeOutbox { Notices = History(random) };
        if (Plan().Count == 0)
        {
            throw new InvalidOperationException("Every contact must be told: the case would not measure what it claims.");
        }
    }

    [Benchmark]
    public List<Notice> DeclaredIncident() => Plan();

    private List<Notice> Plan() => BulletinPlanner.Plan(_client, _step, _change, _outbox, Now, UpdateInterval);

    private static Contact Contact(int i, Random random)
    {
        var zone = i % 4 == 3 ? OtherZones[random.Next(OtherZones.Length)] : null;
        var quiet = random.Next(3) == 0 ? new QuietHours(new TimeOnly(22, 0), new TimeOnly(7, 0)) : null;
        return (i % 3) switch
        {
            0 => new($"ops-{i}", $"Acme Ops {i}", $"ops-{i}@acme.example", $"https://hooks.acme.example/uc/{i}", "whsec_c2VjcmV0LXNlY3JldA==", null, null, quiet, zone),
            1 => new($"person-{i}", $"Person {i}", $"person-{i}@acme.example", null, null, null, null, quiet, zone),
            _ => new($"system-{i}", $"System {i}", null, $"https://itsm.acme.example/hooks/{i}", "whsec_b3RoZXItc2VjcmV0", null, null, null, zone),
        };
    }

    // Past incidents' detected and resolved notices, all sent, to the same contacts and channels.
    private List<Notice> History(Random random)
    {
        var targets = _client.Contacts.SelectMany(c => c.Channels().Select(ch => (Contact: c, ch.Channel, ch.To))).ToArray();
        return [.. Enumerable.Range(0, NoticeHistory).Select(i =>
        {
            var (contact, channel, to) = targets[random.Next(targets.Length)];
            var incident = $"inc-2026{i / 40:D4}-{i % 40:D4}";
            var kind = i % 2 == 0 ? NoticeKind.IncidentDetected : NoticeKind.IncidentResolved;
            var at = Now.AddHours(-NoticeHistory + i);
            return new Notice
            {
                Id = NoticeId.For(incident, kind, 1, _client.Id, contact.Id, channel),
                Kind = kind,
                Channel = channel,
                ContactId = contact.Id,
                SubjectId = incident,
                Sequence = 1,
                To = to,
                CreatedAt = at,
                DueAt = at,
                State = NoticeState.Sent,
                Attempts = 1,
                SentAt = at,
            };
        })];
    }
}
