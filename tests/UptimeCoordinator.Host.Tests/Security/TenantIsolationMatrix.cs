using System.Net;
using UptimeCoordinator.Host.Tests.Http;
using UptimeCoordinator.Host.Tests.Integrations.Alertmanager;
using UptimeCoordinator.Host.Tests.Integrations.Generic;
using UptimeCoordinator.Host.Tests.Integrations.Grafana;
using UptimeCoordinator.Host.Tests.Integrations.PagerDuty;
using W = UptimeCoordinator.Host.Tests.Security.TenantIsolationWorld;

namespace UptimeCoordinator.Host.Tests.Security;

/// <summary>Who asks: no key, acme's client key, or a monitoring tool's key.</summary>
public enum Caller
{
    Anonymous,
    Acme,
    Monitor,
}

/// <summary>How an answer is checked beyond its status.</summary>
public enum Answer
{
    /// <summary>An RFC 7807 problem (<see cref="Problem.AssertAsync"/>).</summary>
    Problem,

    /// <summary>A JSON body.</summary>
    Json,

    /// <summary>Any other body: HTML pages, Prometheus text, iCalendar, the dashboard's assets.</summary>
    Text,

    /// <summary>A live <c>text/event-stream</c>: only its headers are read here (its events: <see cref="TenantIsolationStreamTests"/>).</summary>
    Stream,
}

public sealed record Expect(HttpStatusCode Status, Answer Answer)
{
    public static readonly Expect Unauthorized = new(HttpStatusCode.Unauthorized, Answer.Problem);
    public static readonly Expect Forbidden = new(HttpStatusCode.Forbidden, Answer.Problem);
    public static readonly Expect NotFound = new(HttpStatusCode.NotFound, Answer.Problem);
    public static readonly Expect Ok = new(HttpStatusCode.OK, Answer.Json);
    public static readonly Expect Accepted = new(HttpStatusCode.Accepted, Answer.Json);
    public static readonly Expect OkText = new(HttpStatusCode.OK, Answer.Text);
    public static readonly Expect NotFoundPage = new(HttpStatusCode.NotFound, Answer.Text);
    public static readonly Expect OkStream = new(HttpStatusCode.OK, Answer.Stream);
}

/// <summary>
/// One endpoint as the app maps it (<paramref name="Method"/>, <paramref name="Route"/> exactly as
/// <c>RoutePattern.RawText</c>), what each caller must get, and the request each caller sends.
/// Requests aim at globex's resources wherever the route names one, and writes carry a body that
/// would change globex's state if they got through. Ingest requests as the monitor aim at
/// <see cref="W.ProbeService"/>, which no client uses. <paramref name="AnonymousBecause"/> says why an
/// endpoint without an API-key policy is so, and what it must still not reveal.
/// </summary>
public sealed record EndpointRow(
    string Method,
    string Route,
    Expect Anonymous,
    Expect Acme,
    Expect Monitor,
    Func<W, Caller, HttpRequestMessage> Request,
    string? AnonymousBecause = null)
{
    public string Name => $"{Method} {Route}";

    public Expect For(Caller caller) => caller switch
    {
        Caller.Anonymous => Anonymous,
        Caller.Acme => Acme,
        _ => Monitor,
    };

    public bool Writes => Method is not ("GET" or "*");
}

/// <summary>
/// The BOLA matrix: every endpoint the app maps, one row per (method, route pattern).
/// <list type="bullet">
/// <item>Ops-only endpoints answer every client key and the monitor key <c>403</c> before they look
/// at the id: the role decides, so the answer is the same for globex's id as for a made-up one and
/// says nothing about what exists. That is what the code does (RequireAuthorization(ops) on the
/// group), and it is sound.</item>
/// <item>Endpoints a client key may use answer acme <c>404</c> for globex's resources, the same as
/// for ids that do not exist (ClientAccess, MaintenanceApi.ReadableAsync).</item>
/// <item>Lists acme may read answer <c>200</c> with none of <see cref="W.GlobexMarkers"/>.</item>
/// <item>The monitor key gets <c>403</c> everywhere except the ingest endpoints.</item>
/// </list>
/// </summary>
public static class TenantIsolationMatrix
{
    private static readonly Expect[] OpsOnly = [Expect.Unauthorized, Expect.Forbidden, Expect.Forbidden];

    // The Orleans dashboard: ops-only (CoordinatorDashboardExtensions), its routes as the package maps them.
    private static readonly string[] DashboardRoutes =
    [
        "/dashboard/", "/dashboard/index.html", "/dashboard/favicon.ico", "/dashboard/index.min.js", "/dashboard/index.css",
        "/dashboard/fonts/{**path}", "/dashboard/img/{**path}", "/dashboard/version", "/dashboard/DashboardCounters",
        "/dashboard/ClusterStats", "/dashboard/Reminders", "/dashboard/Reminders/{page:int}", "/dashboard/HistoricalStats/{*path}",
        "/dashboard/SiloProperties/{*address}", "/dashboard/SiloMetadata/{*address}", "/dashboard/SiloStats/{*address}",
        "/dashboard/SiloCounters/{*address}", "/dashboard/GrainStats/{*grainName}", "/dashboard/TopGrainMethods",
        "/dashboard/GrainState", "/dashboard/LifecycleStages", "/dashboard/GrainTypes", "/dashboard/Trace",
    ];

    public static IReadOnlyList<EndpointRow> Rows { get; } = Build();

    /// <summary>
    /// Endpoints that only demo mode maps (<c>Demo:Enabled</c>, refused outside Development). Requests
    /// here need no world: demo mode seeds its own clients.
    /// </summary>
    public static IReadOnlyList<EndpointRow> DemoRows { get; } =
    [
        new("POST", "/demo/inbox/{clientId}/{contactId}", Expect.Unauthorized, Expect.Unauthorized, Expect.Unauthorized,
            (_, _) => Send(HttpMethod.Post, "/demo/inbox/globex/ops-bot", Json.Raw("{}")),
            "Receives the seeded demo contacts' webhooks, which prove themselves by their Standard Webhooks signature, not a key."),
        new("GET", "/demo/inbox/", Expect.OkText, Expect.OkText, Expect.OkText, (_, _) => Get("/demo/inbox"),
            "The demo inbox page: demo mode only, and it shows only the seeded demo clients' webhooks."),
        new("GET", "/demo/inbox.json", Expect.Ok, Expect.Ok, Expect.Ok, (_, _) => Get("/demo/inbox.json"),
            "What the demo inbox page shows: the seeded demo clients' webhooks only."),
    ];

    public static EndpointRow Row(string name) => Rows.Single(r => r.Name == name);

    private static List<EndpointRow> Build()
    {
        var rows = new List<EndpointRow>
        {
            // Anonymous by design.
            new("GET", "/healthz", Expect.Ok, Expect.Ok, Expect.Ok, (_, _) => Get("/healthz"),
                "Liveness for orchestrators, which hold no key; it says only \"Healthy\"."),
            new("GET", "/readyz", Expect.Ok, Expect.Ok, Expect.Ok, (_, _) => Get("/readyz"),
                "Readiness for orchestrators; it names no client or service."),
            new("*", "/metrics", Expect.OkText, Expect.OkText, Expect.OkText, (_, _) => Get("/metrics"),
                "Prometheus scrapes without a key; its series must carry no client's id, name, contacts or incidents."),
            new("GET", "/openapi/{documentName}.json", Expect.Ok, Expect.Ok, Expect.Ok, (_, _) => Get("/openapi/v1.json"),
                "The API's description, the same for everyone; no data."),
            new("GET", "/feedback", Expect.NotFoundPage, Expect.NotFoundPage, Expect.NotFoundPage,
                (w, _) => Get($"/feedback?incident={w.GlobexIncidentId}&client=globex&contact=hank&token=forged-by-acme"),
                "A follow-up link's page: the token in the link is the credential, so a wrong token is \"link not valid\" whoever asks."),
            new("POST", "/feedback", Expect.NotFoundPage, Expect.NotFoundPage, Expect.NotFoundPage,
                (w, _) => Send(HttpMethod.Post, "/feedback", new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["incident"] = w.GlobexIncidentId, ["client"] = "globex", ["contact"] = "hank", ["token"] = "forged-by-acme", ["fixed"] = "no",
                })),
                "The follow-up form: the token is the credential; a forged one records nothing (a \"no\" would reopen globex's incident)."),
            new("GET", "/status/{clientId}", Expect.NotFoundPage, Expect.NotFoundPage, Expect.NotFoundPage,
                (_, c) => Get("/status/globex" + KeyQuery(c)),
                "A client's status page signs in with ?key= or its cookie; another tenant's key gets the same page as a page that does not exist."),
            new("POST", "/status/{clientId}/sign-out", Expect.OkText, Expect.OkText, Expect.OkText,
                (_, _) => Send(HttpMethod.Post, "/status/globex/sign-out", null),
                "Signing out needs no credential: it only clears the caller's own cookie."),
            new("GET", "/ops", Expect.NotFoundPage, Expect.NotFoundPage, Expect.NotFoundPage, (_, c) => Get("/ops" + KeyQuery(c)),
                "The ops console signs in with an ops key only; any other key gets \"not found\"."),
            new("POST", "/ops/sign-out", Expect.OkText, Expect.OkText, Expect.OkText, (_, _) => Send(HttpMethod.Post, "/ops/sign-out", null),
                "Signing out needs no credential: it only clears the caller's own cookie."),
            new("POST", "/api/v1/integrations/pagerduty", Expect.Unauthorized, Expect.Forbidden, Expect.Accepted,
                (_, c) => Send(HttpMethod.Post, "/api/v1/integrations/pagerduty", Json.Raw(c == Caller.Monitor
                    ? PagerDutyFixtures.Follow("resolve", "tenant-matrix-dedup").ToJsonString()
                    : PagerDutyFixtures.Trigger(W.GlobexService, "tenant-matrix-dedup").ToJsonString())),
                "PagerDuty senders may put the key in the body's routing_key; the endpoint checks it itself (monitor or ops only)."),
            new("POST", "/api/v1/incidents/{id}/feedback", Expect.Unauthorized, Expect.NotFound, Expect.Forbidden,
                (w, _) => Send(HttpMethod.Post, $"/api/v1/incidents/{w.GlobexIncidentId}/feedback", Json.Content(new { clientId = "globex", contactId = "hank", fixedConfirmed = false })),
                "A client's answer may come with the notice's token instead of a key; without either it is 401, and with another client's id it is \"not found\"."),

            // Ingest: monitoring tools and ops; a client key may not post events.
            new("POST", "/api/v1/events/", Expect.Unauthorized, Expect.Forbidden, Expect.Accepted,
                (_, c) => Send(HttpMethod.Post, "/api/v1/events", Json.Content(c == Caller.Monitor
                    ? EventBody.Up(W.ProbeService, TestTime.MinutesAgo(1))
                    : EventBody.Up(W.GlobexService, TestTime.MinutesAgo(1), check: "ledger-http")))),
            new("POST", "/api/v1/integrations/alertmanager", Expect.Unauthorized, Expect.Forbidden, Expect.Accepted,
                (_, c) => Send(HttpMethod.Post, "/api/v1/integrations/alertmanager", Json.Raw(c == Caller.Monitor
                    ? AlertmanagerFixtures.Recent(AlertmanagerFixtures.ResolvedTwoAlerts, W.ProbeService)
                    : AlertmanagerFixtures.Recent(AlertmanagerFixtures.FiringTwoAlerts, W.GlobexStreamService)))),
            new("POST", "/api/v1/integrations/grafana", Expect.Unauthorized, Expect.Forbidden, Expect.Accepted,
                (_, _) => Send(HttpMethod.Post, "/api/v1/integrations/grafana", Json.Raw(GrafanaFixtures.DocumentedExample))),
            new("POST", "/api/v1/integrations/formatted-webhook", Expect.Unauthorized, Expect.Forbidden, Expect.Accepted,
                (_, c) => Send(HttpMethod.Post, c == Caller.Monitor
                    ? $"/api/v1/integrations/formatted-webhook?service={W.ProbeService}"
                    : $"/api/v1/integrations/formatted-webhook?service={W.GlobexStreamService}",
                    Json.Raw(GenericFixtures.FormattedWebhook(c == Caller.Monitor ? "ok" : "alerting")))),
            new("GET", "/api/v1/services/{id}/push", Expect.Unauthorized, Expect.Forbidden, Expect.Accepted,
                (_, c) => Get(c == Caller.Monitor ? $"/api/v1/services/{W.ProbeService}/push?status=up" : $"/api/v1/services/{W.GlobexStreamService}/push?status=down")),
            new("POST", "/api/v1/services/{id}/push", Expect.Unauthorized, Expect.Forbidden, Expect.Accepted,
                (_, c) => Send(HttpMethod.Post, c == Caller.Monitor ? $"/api/v1/services/{W.ProbeService}/push?status=up" : $"/api/v1/services/{W.GlobexStreamService}/push?status=down", null)),

            // The catalogue: ops only.
            new("PUT", "/api/v1/services/{id}", OpsOnly[0], OpsOnly[1], OpsOnly[2],
                (_, _) => Send(HttpMethod.Put, $"/api/v1/services/{W.GlobexService}", Json.Content(new { name = "Taken over" }))),
            new("GET", "/api/v1/services/{id}", OpsOnly[0], OpsOnly[1], OpsOnly[2], (_, _) => Get($"/api/v1/services/{W.GlobexService}")),
            new("DELETE", "/api/v1/services/{id}", OpsOnly[0], OpsOnly[1], OpsOnly[2], (_, _) => Send(HttpMethod.Delete, $"/api/v1/services/{W.GlobexStreamService}", null)),
            new("GET", "/api/v1/services/", OpsOnly[0], OpsOnly[1], OpsOnly[2], (_, _) => Get("/api/v1/services")),

            // Clients: ops write and list; a client key reads its own, and globex is "not found" to acme.
            new("PUT", "/api/v1/clients/{id}", OpsOnly[0], OpsOnly[1], OpsOnly[2],
                (_, _) => Send(HttpMethod.Put, "/api/v1/clients/globex", Json.Content(new
                {
                    name = "Globex Corporation", timeZone = "UTC", contacts = new[] { new { id = "hank", name = "Hank", email = "mallory@acme.example" } },
                }))),
            new("DELETE", "/api/v1/clients/{id}", OpsOnly[0], OpsOnly[1], OpsOnly[2], (_, _) => Send(HttpMethod.Delete, "/api/v1/clients/globex", null)),
            new("GET", "/api/v1/clients/", OpsOnly[0], OpsOnly[1], OpsOnly[2], (_, _) => Get("/api/v1/clients")),
            new("POST", "/api/v1/clients/{id}/notices/{noticeId}/retry", OpsOnly[0], OpsOnly[1], OpsOnly[2],
                (w, _) => Send(HttpMethod.Post, $"/api/v1/clients/globex/notices/{Uri.EscapeDataString(w.GlobexNoticeId)}/retry", null)),
            ClientRead("/api/v1/clients/{id}", ""),
            ClientRead("/api/v1/clients/{id}/status", "/status"),
            ClientRead("/api/v1/clients/{id}/notices", "/notices"),
            ClientRead("/api/v1/clients/{id}/services", "/services"),
            ClientRead("/api/v1/clients/{id}/uptime", "/uptime"),
            ClientRead("/api/v1/clients/{id}/cost", "/cost"),
            ClientRead("/api/v1/clients/{id}/sla", "/sla"),

            // Incidents: ops only, but for a client's report, which acme may not file in globex's name.
            new("GET", "/api/v1/incidents/", OpsOnly[0], OpsOnly[1], OpsOnly[2], (_, _) => Get("/api/v1/incidents?state=all")),
            new("GET", "/api/v1/incidents/stats", OpsOnly[0], OpsOnly[1], OpsOnly[2], (_, _) => Get("/api/v1/incidents/stats")),
            new("GET", "/api/v1/incidents/{id}", OpsOnly[0], OpsOnly[1], OpsOnly[2], (w, _) => Get($"/api/v1/incidents/{w.GlobexIncidentId}")),
            IncidentCommand("acknowledge", new { by = "mallory", message = "acme has it" }),
            IncidentCommand("updates", new { by = "mallory", message = "Written by acme", stage = "monitoring" }),
            IncidentCommand("resolve", new { by = "mallory", summary = "Resolved by acme", actionsTaken = new[] { "nothing" } }),
            IncidentCommand("confirm", new { by = "mallory", message = "acme confirms" }),
            IncidentCommand("dismiss", new { by = "mallory", message = "acme dismisses" }),
            new("POST", "/api/v1/incidents/", Expect.Unauthorized, Expect.NotFound, Expect.Forbidden,
                (_, _) => Send(HttpMethod.Post, "/api/v1/incidents", Json.Content(new
                {
                    clientId = "globex", serviceIds = new[] { W.GlobexStreamService }, message = "Reported by acme in globex's name",
                }))),

            // Maintenance: ops plan; a client key reads the windows that reach its services.
            new("POST", "/api/v1/maintenance/", OpsOnly[0], OpsOnly[1], OpsOnly[2],
                (_, _) => Send(HttpMethod.Post, "/api/v1/maintenance", Json.Content(new
                {
                    serviceIds = new[] { W.GlobexStreamService }, start = TestTime.Now.AddDays(9), end = TestTime.Now.AddDays(9).AddHours(1), title = "Planned by acme",
                }))),
            new("POST", "/api/v1/maintenance/{id}/reschedule", OpsOnly[0], OpsOnly[1], OpsOnly[2],
                (w, _) => Send(HttpMethod.Post, $"/api/v1/maintenance/{w.GlobexMaintenanceId}/reschedule", Json.Content(new
                {
                    start = TestTime.Now.AddDays(10), end = TestTime.Now.AddDays(10).AddHours(1),
                }))),
            new("POST", "/api/v1/maintenance/{id}/cancel", OpsOnly[0], OpsOnly[1], OpsOnly[2],
                (w, _) => Send(HttpMethod.Post, $"/api/v1/maintenance/{w.GlobexMaintenanceId}/cancel", Json.Content(new { reason = "acme says no" }))),
            new("POST", "/api/v1/maintenance/suggestions", OpsOnly[0], OpsOnly[1], OpsOnly[2],
                (_, _) => Send(HttpMethod.Post, "/api/v1/maintenance/suggestions", Json.Content(new { serviceIds = new[] { W.SharedService }, duration = "PT1H" }))),
            new("GET", "/api/v1/maintenance/", Expect.Unauthorized, Expect.Ok, Expect.Forbidden, (_, _) => Get("/api/v1/maintenance?state=all&limit=200")),
            new("GET", "/api/v1/maintenance/{id}", Expect.Unauthorized, Expect.NotFound, Expect.Forbidden, (w, _) => Get($"/api/v1/maintenance/{w.GlobexMaintenanceId}")),
            new("GET", "/api/v1/maintenance/{id}/calendar.ics", Expect.Unauthorized, Expect.NotFound, Expect.Forbidden,
                (w, _) => Get($"/api/v1/maintenance/{w.GlobexMaintenanceId}/calendar.ics")),

            // Across clients: ops only.
            new("GET", "/api/v1/notices/failed", OpsOnly[0], OpsOnly[1], OpsOnly[2], (_, _) => Get("/api/v1/notices/failed")),
            new("GET", "/api/v1/costs/", OpsOnly[0], OpsOnly[1], OpsOnly[2], (_, _) => Get("/api/v1/costs")),

            // The live stream: ops and clients, each client filtered to what reaches it.
            new("GET", "/api/v1/stream", Expect.Unauthorized, Expect.OkStream, Expect.Forbidden, (_, _) => Stream()),
        };
        rows.AddRange(DashboardRoutes.Select(route => new EndpointRow(
            "GET", route, OpsOnly[0], OpsOnly[1], OpsOnly[2], (_, _) => Get(DashboardPath(route)))));
        return rows;
    }

    private static EndpointRow ClientRead(string route, string suffix) =>
        new("GET", route, Expect.Unauthorized, Expect.NotFound, Expect.Forbidden, (_, _) => Get($"/api/v1/clients/globex{suffix}"));

    private static EndpointRow IncidentCommand(string command, object body) =>
        new("POST", $"/api/v1/incidents/{{id}}/{command}", OpsOnly[0], OpsOnly[1], OpsOnly[2],
            (w, _) => Send(HttpMethod.Post, $"/api/v1/incidents/{w.GlobexIncidentId}/{command}", Json.Content(body)));

    // Catch-all and constrained parameters get a value that matches them.
    private static string DashboardPath(string route) => route
        .Replace("{**path}", "x.woff", StringComparison.Ordinal)
        .Replace("{*path}", "x", StringComparison.Ordinal)
        .Replace("{*address}", "127.0.0.1", StringComparison.Ordinal)
        .Replace("{*grainName}", "x", StringComparison.Ordinal)
        .Replace("{page:int}", "1", StringComparison.Ordinal);

    // The pages sign in with ?key=: acme and the monitor try theirs on globex's page and the console.
    private static string KeyQuery(Caller caller) => caller switch
    {
        Caller.Acme => $"?key={ApiKeys.Client}",
        Caller.Monitor => $"?key={ApiKeys.Monitor}",
        _ => "",
    };

    private static HttpRequestMessage Get(string path) => new(HttpMethod.Get, path);

    private static HttpRequestMessage Stream()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/stream");
        request.Headers.Accept.ParseAdd("text/event-stream");
        return request;
    }

    private static HttpRequestMessage Send(HttpMethod method, string path, HttpContent? body) => new(method, path) { Content = body };
}
