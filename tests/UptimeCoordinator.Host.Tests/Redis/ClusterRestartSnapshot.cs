using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace UptimeCoordinator.Host.Tests.Redis;

/// <summary>One notice of a client's outbox as the whole-cluster restart test compares it.</summary>
internal sealed record ClusterRestartNotice(string Id, string Kind, string Channel, string State, int Attempts, string? LastError);

/// <summary>
/// What a whole-cluster restart must keep, read through the API: the open and the resolved incident
/// with their timelines, the scheduled maintenance window, the client's outbox and the parts of its
/// SLA and cost that do not move with the clock. Figures that do move (an incident's running cost,
/// minutes measured up to now) are left out, and the cost is read over a fixed past range.
/// </summary>
internal sealed record ClusterRestartSnapshot(
    string OpenIncident,
    string ResolvedIncident,
    string Window,
    IReadOnlyList<ClusterRestartNotice> Notices,
    string SlaFixedParts,
    string Cost)
{
    /// <summary>Where the figures of the snapshot come from.</summary>
    internal sealed record Subjects(
        string OpenIncidentId,
        string ResolvedIncidentId,
        string WindowId,
        string ClientId,
        string[] ServicesWithClosedDowntime,
        string Month,
        DateTimeOffset CostFrom,
        DateTimeOffset CostTo);

    public static async Task<ClusterRestartSnapshot> TakeAsync(HostProcess host, Subjects subjects)
    {
        var client = $"api/v1/clients/{subjects.ClientId}";
        var sla = await host.SendJsonAsync(HttpMethod.Get, $"{client}/sla?month={subjects.Month}", null, HttpStatusCode.OK);
        var cost = await host.SendJsonAsync(HttpMethod.Get,
            $"{client}/cost?from={Uri.EscapeDataString(Rfc3339(subjects.CostFrom))}&to={Uri.EscapeDataString(Rfc3339(subjects.CostTo))}",
            null, HttpStatusCode.OK);
        return new ClusterRestartSnapshot(
            WithoutRunningCost(await host.SendJsonAsync(HttpMethod.Get, IncidentPath(subjects.OpenIncidentId), null, HttpStatusCode.OK)),
            WithoutRunningCost(await host.SendJsonAsync(HttpMethod.Get, IncidentPath(subjects.ResolvedIncidentId), null, HttpStatusCode.OK)),
            (await host.SendJsonAsync(HttpMethod.Get, $"api/v1/maintenance/{subjects.WindowId}", null, HttpStatusCode.OK)).GetRawText(),
            await NoticesAsync(host, subjects.ClientId),
            FixedPartsOf(sla, subjects.ServicesWithClosedDowntime),
            cost.GetRawText());
    }

    public static async Task<IReadOnlyList<ClusterRestartNotice>> NoticesAsync(HostProcess host, string clientId)
    {
        var page = await host.SendJsonAsync(HttpMethod.Get, $"api/v1/clients/{clientId}/notices?limit=200", null, HttpStatusCode.OK);
        return [.. page.GetProperty("items").EnumerateArray().Select(n => new ClusterRestartNotice(
            n.GetProperty("id").GetString()!,
            n.GetProperty("kind").GetString()!,
            n.GetProperty("channel").GetString()!,
            n.GetProperty("state").GetString()!,
            n.GetProperty("attempts").GetInt32(),
            n.GetProperty("lastError").GetString()))];
    }

    public static string IncidentPath(string incidentId) => $"api/v1/incidents/{Uri.EscapeDataString(incidentId)}";

    public static string Rfc3339(DateTimeOffset time) => time.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture);

    // `cost` is computed at read time up to now, with its `asOf`: it grows while the incident is open.
    private static string WithoutRunningCost(JsonElement incident)
    {
        var node = JsonNode.Parse(incident.GetRawText())!.AsObject();
        node.Remove("cost");
        return node.ToJsonString();
    }

    // For the month in progress, everything measured up to now grows; a service's down and excluded
    // minutes stay put once its outages are over, and so does the list of maintenance windows.
    private static string FixedPartsOf(JsonElement sla, string[] servicesWithClosedDowntime)
    {
        var fixedParts = new JsonObject
        {
            ["month"] = sla.GetProperty("month").GetString(),
            ["from"] = sla.GetProperty("from").GetString(),
            ["to"] = sla.GetProperty("to").GetString(),
            ["targetPercent"] = sla.GetProperty("targetPercent").GetDouble(),
            ["maintenance"] = JsonNode.Parse(sla.GetProperty("maintenance").GetRawText()),
        };
        foreach (var service in sla.GetProperty("services").EnumerateArray()
                     .Where(s => servicesWithClosedDowntime.Contains(s.GetProperty("serviceId").GetString())))
        {
            fixedParts[service.GetProperty("serviceId").GetString()!] = new JsonObject
            {
                ["downMinutes"] = service.GetProperty("downMinutes").GetDouble(),
                ["excludedMinutes"] = service.GetProperty("excludedMinutes").GetDouble(),
            };
        }

        return fixedParts.ToJsonString();
    }
}
