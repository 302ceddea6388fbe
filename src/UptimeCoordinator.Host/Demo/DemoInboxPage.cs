using System.Net;
using UptimeCoordinator.Host.Pages;

namespace UptimeCoordinator.Host.Demo;

/// <summary>
/// The shell of <c>GET /demo/inbox</c>: links to the pages to watch, with their demo keys, and an
/// empty list that <c>demo-inbox.js</c> fills from <c>/demo/inbox.json</c>. No inline script or
/// style, which the pages' Content-Security-Policy forbids.
/// </summary>
internal static class DemoInboxPage
{
    public const string OpsKey = "demo-ops-key";

    public static string OpsConsoleLink => $"{WebPages.OpsPath}?key={OpsKey}";

    public static string StatusPageLink(DemoClient client) => $"{WebPages.StatusPath}/{client.Id}?key={client.ApiKey}";

    public static string Html { get; } = $$"""
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Demo inbox — UptimeCoordinator</title>
        <link rel="stylesheet" href="{{WebPages.AssetsPath}}/common.css"><link rel="stylesheet" href="{{WebPages.AssetsPath}}/demo-inbox.css">
        <script src="{{WebPages.AssetsPath}}/common.js" defer></script><script src="{{WebPages.AssetsPath}}/demo-inbox.js" defer></script>
        </head><body>
        <header class="top"><h1>Demo inbox</h1><span class="live" id="inbox-state" data-state="connecting">Loading…</span></header>
        <main>
        <nav class="panel" aria-label="Demo pages"><p>Watch the same outages from the other side:</p><ul class="demo-links">
        <li><a href="{{OpsConsoleLink}}">Ops console</a></li>
        {{string.Concat(DemoCatalog.Clients.Select(c => $"<li><a href=\"{StatusPageLink(c)}\">Status page of {WebUtility.HtmlEncode(c.Name)}</a> <span class=\"muted\">({WebUtility.HtmlEncode(c.TimeZone)})</span></li>"))}}
        </ul></nav>
        <section aria-labelledby="received"><h2 id="received">Webhooks received, newest first</h2>
        <p class="muted">Each seeded webhook contact points here. Only requests with a valid Standard Webhooks signature are kept; this host keeps the last {{DemoInbox.Capacity}}.</p>
        <div class="table-wrap"><table><thead><tr><th scope="col">Received</th><th scope="col">Client</th><th scope="col">Contact</th><th scope="col">Kind</th><th scope="col">Notice</th></tr></thead>
        <tbody id="inbox-rows"><tr><td colspan="5" class="muted">Nothing yet: the first outage starts shortly after start.</td></tr></tbody></table></div>
        </section>
        </main></body></html>
        """;
}
