using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using UptimeCoordinator.Host.Tests.Http;

namespace UptimeCoordinator.Host.Tests.Security;

/// <summary>
/// Everything the ops key can observe, as one canonical string, so that "a refused request changed
/// nothing" is a string equality: the services list and each service, the clients list and each client
/// with its notice log, every incident, every maintenance window.
/// </summary>
/// <remarks>
/// Left out, because they change with no request at all:
/// <list type="bullet">
/// <item><c>asOf</c> and a service's <c>openOutageCost</c>: the running cost of an open outage is priced
/// at read time, so it grows between two reads.</item>
/// <item>A notice's delivery progress (<c>state</c>, <c>attempts</c>, <c>lastError</c>,
/// <c>lastAttemptAt</c>, <c>sentAt</c>): the dispatcher works through the outbox in the background.
/// The notice itself (id, kind, recipient, text, when it was created and due) stays, so a refused
/// request that queued a notice still shows.</item>
/// </list>
/// </remarks>
public static class StateSnapshot
{
    private const int PageSize = 200;

    private static readonly string[] ReadTimeFields = ["asOf", "openOutageCost"];

    private static readonly string[] DeliveryProgressFields = ["state", "attempts", "lastError", "lastAttemptAt", "sentAt"];

    public static async Task<string> TakeAsync(HttpClient ops)
    {
        var text = new StringBuilder();
        var services = await ListAsync(ops, "/api/v1/services");
        Append(text, "services", services);
        foreach (var id in Ids(services))
        {
            Append(text, $"service {id}", await GetAsync(ops, $"/api/v1/services/{id}"));
        }

        var clients = await ListAsync(ops, "/api/v1/clients");
        Append(text, "clients", clients);
        foreach (var id in Ids(clients))
        {
            Append(text, $"client {id}", await GetAsync(ops, $"/api/v1/clients/{id}"));
            var notices = await ListAsync(ops, $"/api/v1/clients/{id}/notices");
            foreach (var notice in notices.OfType<JsonObject>())
            {
                Remove(notice, DeliveryProgressFields);
            }

            Append(text, $"notices {id}", notices);
        }

        Append(text, "incidents", await ListAsync(ops, "/api/v1/incidents?state=all"));
        Append(text, "maintenance", await ListAsync(ops, "/api/v1/maintenance?state=all"));
        return text.ToString();
    }

    /// <summary>
    /// A snapshot once the background work of earlier accepted requests (hand-overs from services to
    /// incidents, notice planning, maintenance broadcasts) has settled: two reads in a row agree.
    /// </summary>
    public static async Task<string> SettledAsync(HttpClient ops, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        var last = await TakeAsync(ops);
        while (true)
        {
            await Task.Delay(100);
            var next = await TakeAsync(ops);
            if (next == last)
            {
                return next;
            }

            Assert.True(DateTime.UtcNow < deadline, $"the state did not settle within {seconds} s");
            last = next;
        }
    }

    /// <summary>Asserts two snapshots are equal, showing the first line that differs rather than two walls of JSON.</summary>
    public static void AssertUnchanged(string before, string after, string what)
    {
        if (before == after)
        {
            return;
        }

        var (left, right) = (before.Split('\n'), after.Split('\n'));
        var line = Enumerable.Range(0, Math.Min(left.Length, right.Length)).FirstOrDefault(i => left[i] != right[i], Math.Min(left.Length, right.Length));
        Assert.Fail($"{what} changed the state.\nbefore: {Line(left, line)}\nafter:  {Line(right, line)}");
    }

    private static string Line(string[] lines, int index) => index < lines.Length ? Shorten(lines[index]) : "(nothing)";

    private static string Shorten(string line) => line.Length <= 2000 ? line : line[..2000] + "…";

    private static async Task<JsonArray> ListAsync(HttpClient ops, string path)
    {
        var items = new JsonArray();
        string? cursor = null;
        var separator = path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        do
        {
            var page = await GetAsync(ops, $"{path}{separator}limit={PageSize}" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}"));
            foreach (var item in page["items"]!.AsArray().ToList())
            {
                items.Add(item!.DeepClone());
            }

            cursor = page["nextCursor"]?.GetValue<string>();
        }
        while (cursor is not null);
        return items;
    }

    private static async Task<JsonNode> GetAsync(HttpClient ops, string path)
    {
        using var response = await ops.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"snapshot: GET {path}: {(int)response.StatusCode} {body}");
        var node = JsonNode.Parse(body)!;
        RemoveEverywhere(node, ReadTimeFields);
        return node;
    }

    private static IEnumerable<string> Ids(JsonArray items) => items.Select(i => i!["id"]!.GetValue<string>());

    private static void Append(StringBuilder text, string section, JsonNode node) =>
        text.Append(section).Append(": ").Append(node.ToJsonString(new JsonSerializerOptions { WriteIndented = false })).Append('\n');

    private static void Remove(JsonObject item, string[] fields)
    {
        foreach (var field in fields)
        {
            item.Remove(field);
        }
    }

    private static void RemoveEverywhere(JsonNode? node, string[] fields)
    {
        switch (node)
        {
            case JsonObject item:
                Remove(item, fields);
                foreach (var (_, value) in item.ToList())
                {
                    RemoveEverywhere(value, fields);
                }

                break;
            case JsonArray array:
                foreach (var value in array)
                {
                    RemoveEverywhere(value, fields);
                }

                break;
        }
    }
}
