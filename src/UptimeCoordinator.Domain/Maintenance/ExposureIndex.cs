using UptimeCoordinator.Domain.Clients;
using UptimeCoordinator.Domain.Costs;

namespace UptimeCoordinator.Domain.Maintenance;

/// <summary>
/// The affected clients, grouped by what their cost depends on. Clients in one zone on one usage
/// curve cost in proportion to each other at every instant, so a group's weighted hours are worked
/// out once per window and its cost in each currency is that times the sum of its clients'
/// coefficients (cost per hour × share) in the currency.
/// </summary>
internal sealed class ExposureIndex
{
    private readonly TimeZoneInfo[] _zones;
    private readonly double[][] _curves;
    private readonly (int Zone, int Curve)[] _groups;
    private readonly decimal[] _groupCoefficients;
    private readonly double[] _groupScore;
    private readonly int[] _clientZone;
    private readonly int[] _clientGroup;
    private readonly int[] _clientCurrency;
    private readonly decimal[] _clientCoefficient;
    private readonly double[] _clientRankWeight;

    public ExposureIndex(IReadOnlyList<MaintenanceExposure> clients, WindowSearch search)
    {
        Clients = clients;
        Currencies = [.. clients.Where(c => c.Profile is not null).Select(c => c.Profile!.Currency).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        Rates = [.. Currencies.Select(search.RateOf)];
        _clientZone = new int[clients.Count];
        _clientGroup = new int[clients.Count];
        _clientCurrency = new int[clients.Count];
        _clientCoefficient = new decimal[clients.Count];
        _clientRankWeight = new double[clients.Count];

        var zones = new Dictionary<string, int>(StringComparer.Ordinal);
        var zoneList = new List<TimeZoneInfo>();
        // Most clients share the default curve's one instance, so the reference is looked up first
        // and only a curve not seen before is hashed weight by weight.
        var curvesByReference = new Dictionary<IReadOnlyList<double>, int>(ReferenceEqualityComparer.Instance);
        var curvesByContent = new Dictionary<double[], int>(CurveContent.Comparer);
        var curveList = new List<double[]>();
        var groups = new Dictionary<(int Zone, int Curve), int>();
        var currencies = Currencies.Select((code, i) => (code, i)).ToDictionary(p => p.code, p => p.i, StringComparer.Ordinal);
        var coefficients = new List<decimal>();
        var groupScore = new List<double>();
        for (var i = 0; i < clients.Count; i++)
        {
            var client = clients[i];
            var zone = _clientZone[i] = ZoneIndex(client.TimeZone);
            if (client.Profile is not { } profile)
            {
                _clientGroup[i] = -1;
                continue;
            }

            var key = (zone, CurveIndex(profile.WeeklyUsage));
            if (!groups.TryGetValue(key, out var group))
            {
                group = groups[key] = groupScore.Count;
                groupScore.Add(0);
                coefficients.AddRange(Enumerable.Repeat(0m, Currencies.Length));
            }

            var currency = currencies[profile.Currency];
            var coefficient = profile.CostPerHour * (decimal)client.Share;
            _clientGroup[i] = group;
            _clientCurrency[i] = currency;
            _clientCoefficient[i] = coefficient;
            _clientRankWeight[i] = (double)(Rates[currency] * coefficient);
            coefficients[(group * Currencies.Length) + currency] += coefficient;
            groupScore[group] += _clientRankWeight[i];
        }

        _zones = [.. zoneList];
        _curves = [.. curveList];
        _groups = new (int, int)[groups.Count];
        foreach (var ((zone, curve), group) in groups)
        {
            _groups[group] = (zone, curve);
        }

        _groupCoefficients = [.. coefficients];
        _groupScore = [.. groupScore];

        int ZoneIndex(string id)
        {
            if (!zones.TryGetValue(id, out var zone))
            {
                zone = zones[id] = zoneList.Count;
                zoneList.Add(TimeZones.Find(id));
            }

            return zone;
        }

        int CurveIndex(IReadOnlyList<double> weeklyUsage)
        {
            if (!curvesByReference.TryGetValue(weeklyUsage, out var curve))
            {
                var weights = CurveContent.AsArray(weeklyUsage);
                if (!curvesByContent.TryGetValue(weights, out curve))
                {
                    curve = curvesByContent[weights] = curveList.Count;
                    curveList.Add(weights);
                }

                curvesByReference[weeklyUsage] = curve;
            }

            return curve;
        }
    }

    public IReadOnlyList<MaintenanceExposure> Clients { get; }

    /// <summary>The cost currencies in use, by code; the index of each is its place in every per-currency array.</summary>
    public string[] Currencies { get; }

    public decimal[] Rates { get; }

    public IReadOnlyList<TimeZoneInfo> Zones => _zones;

    public TimeZoneInfo ZoneOf(int client) => _zones[_clientZone[client]];

    /// <summary>
    /// What an hour at each local hour of week in <paramref name="zone"/> adds to the score: every
    /// group's rate-weighted coefficient times its curve, summed, so the grid adds one figure per
    /// zone and slot however many clients and curves the zone holds. In double: it only ranks, and
    /// a sum of non-negative terms keeps its relative precision.
    /// </summary>
    public double[] HourlyScore(int zone)
    {
        var hourly = new double[WeeklyUsage.Hours];
        for (var group = 0; group < _groups.Length; group++)
        {
            var (groupZone, curve) = _groups[group];
            var coefficient = _groupScore[group];
            if (groupZone != zone || coefficient == 0)
            {
                continue;
            }

            var weights = _curves[curve];
            for (var hour = 0; hour < WeeklyUsage.Hours; hour++)
            {
                hourly[hour] += coefficient * weights[hour];
            }
        }

        return hourly;
    }

    /// <summary>
    /// Each group's ∫ usage dt over <c>[from, to)</c>, in weight-hours, from the hours its zone's
    /// clock spends at each hour of week; weights are made decimal as <see cref="CostEngine"/> makes them.
    /// </summary>
    public decimal[] GroupHours(DateTimeOffset from, DateTimeOffset to)
    {
        var spent = new List<(int Hour, decimal Hours)>?[_zones.Length];
        var hours = new decimal[_groups.Length];
        for (var group = 0; group < _groups.Length; group++)
        {
            var (zone, curve) = _groups[group];
            var weights = _curves[curve];
            foreach (var (hour, length) in spent[zone] ??= LocalHours.Spent(_zones[zone], from, to))
            {
                hours[group] += (decimal)weights[hour] * length;
            }
        }

        return hours;
    }

    /// <summary>Each currency's total over a window: every group's weighted hours times its clients' coefficients in that currency.</summary>
    public decimal[] Amounts(decimal[] groupHours)
    {
        var amounts = new decimal[Currencies.Length];
        for (var group = 0; group < groupHours.Length; group++)
        {
            for (var currency = 0; currency < amounts.Length; currency++)
            {
                var coefficient = _groupCoefficients[(group * amounts.Length) + currency];
                if (coefficient != 0)
                {
                    amounts[currency] += coefficient * groupHours[group];
                }
            }
        }

        return amounts;
    }

    /// <summary>A client's currency and cost over a window, from its group's weighted hours; null without a cost profile.</summary>
    public (int Currency, decimal Cost)? CostOf(int client, decimal[] groupHours) =>
        _clientGroup[client] is var group and >= 0 ? (_clientCurrency[client], _clientCoefficient[client] * groupHours[group]) : null;

    /// <summary>
    /// A client's cost at the search's rates, in double, for ordering clients only: every client is
    /// ranked, and only those listed are priced exactly. Below zero without a cost profile, so those come last.
    /// </summary>
    public double RankOf(int client, double[] groupHours) =>
        _clientGroup[client] is var group and >= 0 ? _clientRankWeight[client] * groupHours[group] : -1;
}
