using System.Globalization;
using UptimeCoordinator.Contracts.Clients;
using UptimeCoordinator.Contracts.Costs;
using UptimeCoordinator.Domain;
using UptimeCoordinator.Domain.Clients;
using UptimeCoordinator.Domain.Costs;
using UptimeCoordinator.Domain.Sla;
using UptimeCoordinator.Domain.Notices;

namespace UptimeCoordinator.Host.Clients;

/// <summary>
/// Turns a client request into a spec: parses what JSON cannot (stages, times of day), then lets
/// the domain validator judge the whole. Every problem is reported at once, keyed by field path.
/// </summary>
internal static class ClientRequestMapper
{
    public static ClientSpec? Map(string id, ClientRequest request, bool allowPrivateNetworks, ValidationErrors errors)
    {
        if (request.Id is not null && request.Id != id)
        {
            errors.Add("id", $"'{request.Id}' does not match the id in the path, '{id}'");
        }

        var subscriptions = (request.Subscriptions ?? []).Select(s => new SubscriptionSpec(s?.ServiceId ?? "", s?.Impact ?? 1.0)).ToArray();
        var contacts = (request.Contacts ?? []).Select((c, i) => MapContact(c, $"contacts[{i}]", errors)).ToArray();
        var cost = MapCost(request.CostProfile, errors);
        var spec = new ClientSpec(request.Name ?? "", request.TimeZone ?? "", subscriptions, contacts, cost, MapSla(request.Sla, cost, errors));
        errors.AddRange(ClientDefinitionValidator.Validate(spec.ToDomain(id), allowPrivateNetworks));
        return errors.IsValid ? spec : null;
    }

    private static ContactSpec MapContact(ContactRequest? contact, string path, ValidationErrors errors)
    {
        contact ??= new ContactRequest(null, null, null, null, null, null, null, null, null);
        NoticeKind[]? stages = null;
        if (contact.Stages is { } names)
        {
            stages = new NoticeKind[names.Length];
            for (var i = 0; i < names.Length; i++)
            {
                if (!NoticeKinds.TryParse(names[i], out stages[i]))
                {
                    errors.Add($"{path}.stages[{i}]", $"'{names[i]}' is not a notice kind; use one of {string.Join(", ", NoticeKinds.AllNames.Order(StringComparer.Ordinal))}");
                }
            }

            if (stages.Distinct().Count() != stages.Length)
            {
                errors.Add($"{path}.stages", "lists a stage twice");
            }
        }

        QuietHoursSpec? quiet = null;
        if (contact.QuietHours is { } hours)
        {
            var start = TimeOfDay(hours.Start, $"{path}.quietHours.start", errors);
            var end = TimeOfDay(hours.End, $"{path}.quietHours.end", errors);
            quiet = new QuietHoursSpec(start, end);
        }

        return new ContactSpec(
            contact.Id ?? "", contact.Name ?? "", contact.Email, contact.WebhookUrl, contact.WebhookSecret,
            contact.SlackWebhookUrl, stages, quiet, contact.TimeZone);
    }

    private static TimeSpan TimeOfDay(string? text, string path, ValidationErrors errors)
    {
        // HH:mm:ss too, so that a client read back (times of day serialise with seconds) can be written unchanged.
        if (TimeOnly.TryParseExact(text, ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time.ToTimeSpan();
        }

        errors.Add(path, "must be a local time of day as HH:mm, such as 22:00");
        return TimeSpan.Zero;
    }
    private static CostProfileSpec? MapCost(CostProfileRequest? cost, ValidationErrors errors)
    {
        if (cost is null)
        {
            return null;
        }

        if (cost.CostPerHour is null)
        {
            errors.Add("costProfile.costPerHour", "is required: what an hour of full outage costs the client");
        }

        var defaults = SeverityFactors.Default;
        var factors = cost.SeverityFactors;
        return new CostProfileSpec(
            cost.Currency ?? "",
            cost.CostPerHour ?? 0m,
            cost.WeeklyUsage ?? [.. WeeklyUsage.BusinessHours],
            new SeverityFactorsSpec(
                factors?.MajorOutage ?? defaults.MajorOutage,
                factors?.PartialOutage ?? defaults.PartialOutage,
                factors?.DegradedPerformance ?? defaults.DegradedPerformance));
    }

    private static SlaSpec? MapSla(SlaRequest? sla, CostProfileSpec? cost, ValidationErrors errors)
    {
        if (sla is null)
        {
            return null;
        }

        var defaults = SlaTerms.Default;
        var tiers = sla.CreditTiers?.Select((t, i) =>
        {
            if (t?.BelowPercent is null || t.CreditPercent is null)
            {
                errors.Add($"sla.creditTiers[{i}]", "needs belowPercent and creditPercent");
            }

            return new CreditTierSpec(t?.BelowPercent ?? 0, t?.CreditPercent ?? 0);
        }).ToArray() ?? [.. defaults.CreditTiers.Select(t => new CreditTierSpec(t.BelowPercent, t.CreditPercent))];
        return new SlaSpec(
            sla.TargetPercent ?? defaults.TargetPercent,
            sla.MaintenanceNoticeHours ?? defaults.MaintenanceNoticeHours,
            tiers,
            new MoneyView(sla.MonthlyFee?.Amount ?? defaults.MonthlyFee, sla.MonthlyFee?.Currency ?? cost?.Currency ?? ClientSla.DefaultCurrency),
            sla.PartialOutageWeight ?? defaults.PartialOutageWeight,
            sla.DegradedWeight ?? defaults.DegradedWeight);
    }
}
