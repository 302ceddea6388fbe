namespace UptimeCoordinator.Domain.Maintenance;

/// <summary>
/// Prices one chosen window exactly, in decimal, group by group; only the few windows returned are
/// priced this way, and within them only the clients listed one by one.
/// </summary>
internal static class WindowPricing
{
    public static WindowSuggestion Price(ExposureIndex index, int rank, DateTimeOffset start, DateTimeOffset end, int clientLimit)
    {
        var clients = index.Clients;
        var groupHours = index.GroupHours(start, end);
        var amounts = index.Amounts(groupHours);
        var score = 0m;
        for (var currency = 0; currency < amounts.Length; currency++)
        {
            score += amounts[currency] * index.Rates[currency];
        }

        // Clients in different currencies are compared at the search's rates, as windows are.
        var approximateHours = Array.ConvertAll(groupHours, hours => (double)hours);
        var listed = Enumerable.Range(0, clients.Count)
            .OrderByDescending(client => index.RankOf(client, approximateHours))
            .ThenBy(client => clients[client].ClientId, StringComparer.Ordinal)
            .Take(Math.Max(0, clientLimit))
            .Select(client =>
            {
                var zone = index.ZoneOf(client);
                var cost = index.CostOf(client, groupHours);
                return new ClientWindowCost(
                    clients[client].ClientId,
                    clients[client].ClientName,
                    clients[client].TimeZone,
                    TimeZoneInfo.ConvertTime(start, zone),
                    TimeZoneInfo.ConvertTime(end, zone),
                    cost is { } c ? index.Currencies[c.Currency] : null,
                    cost?.Cost);
            });

        return new(
            rank,
            start,
            end,
            score,
            [.. index.Currencies.Select((code, i) => new CurrencyAmount(code, amounts[i]))],
            clients.Count,
            [.. listed]);
    }
}
