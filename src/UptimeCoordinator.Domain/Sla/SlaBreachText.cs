using System.Globalization;
using System.Text.Json;
using UptimeCoordinator.Domain.Notices;

namespace UptimeCoordinator.Domain.Sla;

/// <summary>
/// Writes the <c>sla.breached</c> notice for one contact, as text and HTML and as a webhook body:
/// that the month's service level fell below what was promised, by how much, which services cost
/// it, the credit it means and what we are doing. The figures are the report's, not rounded into a
/// better story, and a month still running is said to be one.
/// </summary>
public static class SlaBreachText
{
    private const int MaxServicesListed = 10;

    // Invariant culture has English month and day names, and a decimal point on every machine.
    private static readonly CultureInfo En = CultureInfo.InvariantCulture;

    public static NoticeContent Render(SlaBreachFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var report = facts.Report;
        var client = NoticeTextSanitizer.OneLine(facts.ClientName);
        var month = MonthName(report);
        var subject = NoticeTextSanitizer.Subject(
            $"Service level below target for {client}: {Percent(report.UptimePercent)}% uptime in {month} (target {Number(report.TargetPercent)}%)");
        var greeting = NoticeTextSanitizer.OneLine(facts.ContactName) is { Length: > 0 } name ? $"Hello {name}," : "Hello,";
        var intro = IsClosed(report)
            ? $"The service level for {client} in {month} fell below what we promised. We want you to hear it from us, with the figures, rather than find it in a report."
            : $"The service level for {client} in {month} has fallen below what we promised. The month is not over yet, but we want you to hear it from us now, with the figures, rather than find it in a report.";

        List<NoticeSection> sections = [Figures(facts)];
        if (Services(report) is { } services)
        {
            sections.Add(services);
        }

        sections.AddRange([Credit(facts), Doing(facts), Reference(facts)]);
        NoticeSection[] all = [.. sections];
        return new NoticeContent(subject, NoticeDocument.Text(greeting, intro, all), NoticeDocument.Html(subject, greeting, intro, all));
    }

    /// <summary>The webhook body in the Standard Webhooks envelope, carrying the figures and the rendered subject and text.</summary>
    public static string Json(SlaBreachFacts facts, NoticeContent content)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(content);
        var report = facts.Report;

        return WebhookEnvelope.Json(NoticeKind.SlaBreached, facts.At, facts.NoticeId, facts.ClientId, content, json =>
        {
            json.WriteString("month", string.Create(En, $"{report.Year:D4}-{report.Month:D2}"));
            json.WriteNumber("uptimePercent", report.UptimePercent);
            json.WriteNumber("targetPercent", report.TargetPercent);
            json.WriteNumber("eligibleMinutes", report.EligibleMinutes);
            json.WriteNumber("downMinutes", report.DownMinutes);
            json.WriteNumber("excludedMinutes", report.ExcludedMinutes);
            json.WriteNumber("errorBudgetLeftMinutes", report.ErrorBudgetLeftMinutes);
            if (report.Tier is { } tier)
            {
                json.WriteStartObject("credit");
                json.WriteNumber("percent", tier.CreditPercent);
                json.WriteNumber("amount", report.CreditAmount);
                json.WriteString("currency", facts.Currency);
                json.WriteEndObject();
            }
            else
            {
                json.WriteNull("credit");
            }

            json.WriteStartArray("services");
            foreach (var service in WorstFirst(report))
            {
                json.WriteStartObject();
                json.WriteString("serviceId", service.ServiceId);
                json.WriteNumber("uptimePercent", service.UptimePercent);
                json.WriteNumber("downMinutes", service.DownMinutes);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        });
    }

    private static NoticeSection Figures(SlaBreachFacts facts)
    {
        var report = facts.Report;
        var closed = IsClosed(report);
        var lines = new List<string>
        {
            closed
                ? $"Uptime for the month: {Percent(report.UptimePercent)}%, against a target of {Number(report.TargetPercent)}%."
                : $"Uptime so far: {Percent(report.UptimePercent)}% (measured until {When(facts, report.MeasuredUntil)}), against a target of {Number(report.TargetPercent)}%.",
            report.Services.Count > 1
                ? $"Downtime counted: {Number(report.DownMinutes)} of {Number(report.EligibleMinutes)} eligible minutes across your services, each weighted by how much of your work depends on it."
                : $"Downtime counted: {Number(report.DownMinutes)} of {Number(report.EligibleMinutes)} eligible minutes.",
        };
        if (report.ExcludedMinutes > 0)
        {
            lines.Add($"Planned maintenance not counted: {Number(report.ExcludedMinutes)} minutes, announced in time and kept within its window.");
        }

        var allowed = $"Error budget: the target allows {Number(report.ErrorBudgetMinutes)} minutes of downtime {(closed ? "in the month" : "so far")}";
        lines.Add(report.ErrorBudgetLeftMinutes < 0
            ? $"{allowed}; we are over it by {Number(-report.ErrorBudgetLeftMinutes)} minutes."
            : $"{allowed}; {Number(report.ErrorBudgetLeftMinutes)} minutes of it are left.");
        return new("Where the month stands", [.. lines], true);
    }

    private static NoticeSection? Services(SlaReport report)
    {
        var down = WorstFirst(report).Where(s => s.DownMinutes > 0).ToList();
        if (down.Count == 0)
        {
            return null;
        }

        var lines = down.Take(MaxServicesListed)
            .Select(s => $"{NoticeTextSanitizer.OneLine(s.ServiceId)}: {Number(s.DownMinutes)} minutes of downtime counted, {Percent(s.UptimePercent)}% uptime")
            .ToList();
        if (down.Count > MaxServicesListed)
        {
            var more = down.Count - MaxServicesListed;
            lines.Add(string.Create(En, $"and {more} more {(more == 1 ? "service" : "services")} with downtime"));
        }

        return new("Which services cost the most downtime", [.. lines], true);
    }

    private static NoticeSection Credit(SlaBreachFacts facts)
    {
        var report = facts.Report;
        var line = (report.Tier, IsClosed(report)) switch
        {
            ({ } tier, false) => $"At this level the agreement gives a credit of {Number(tier.CreditPercent)}% of the monthly fee: {Money(facts)}.",
            ({ } tier, true) => $"The month ended in the {Number(tier.CreditPercent)}% credit tier: a credit of {Money(facts)}.",
            (null, false) => "No credit tier applies yet: uptime is below target but not below any credit threshold.",
            (null, true) => "No credit tier applies: the month ended below target but not below any credit threshold.",
        };
        return new("What it means for your credit", [line], false);
    }

    private static NoticeSection Doing(SlaBreachFacts facts)
    {
        var report = facts.Report;
        var month = MonthName(report);
        var lines = new List<string> { "We are reviewing the incidents behind this downtime: what caused them and what will keep them from happening again." };
        lines.Add((report.Tier, IsClosed(report)) switch
        {
            (not null, false) => $"If the month ends below target, the credit of {Money(facts)} is due to you. The figure can still move either way before the month ends, and the credit follows the final figure.",
            (not null, true) => $"The credit of {Money(facts)} is due to you for {month}.",
            (null, false) => "If the month ends below a credit threshold, the credit that threshold gives is due to you.",
            (null, true) => $"No credit is due for {month}, but we did not deliver what we promised, and the review stands.",
        });
        lines.Add(string.Create(En, $"You can check the month's figures at any time in your SLA report for {report.Year:D4}-{report.Month:D2}. If you have questions, reply or contact us."));
        return new("What we are doing", [.. lines], false);
    }

    private static NoticeSection Reference(SlaBreachFacts facts) =>
        new("SLA reference", [$"{SlaBreachPlanner.SubjectId(facts.Report.Year, facts.Report.Month)} for {NoticeTextSanitizer.OneLine(facts.ClientId)}"], false);

    // The biggest cost first; ties by id so the text and the signed body never depend on input order.
    private static IEnumerable<ServiceSla> WorstFirst(SlaReport report) =>
        report.Services.OrderByDescending(s => s.DownMinutes).ThenBy(s => s.ServiceId, StringComparer.Ordinal);

    // A month measured to its end is closed: its figures are final.
    private static bool IsClosed(SlaReport report) => report.MeasuredUntil >= report.To;

    // The report's own month, the client's calendar month: a contact in another zone reads the same name.
    private static string MonthName(SlaReport report) => string.Create(En, $"{En.DateTimeFormat.GetMonthName(report.Month)} {report.Year:D4}");

    // "19:00 America/New_York time on Tuesday 10 March 2026", "21:20 UTC on ...": the contact's clock, named.
    private static string When(SlaBreachFacts facts, DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, facts.TimeZone);
        var name = NoticeTimeText.ZoneName(facts.TimeZone);
        var zone = name is "UTC" or "Etc/UTC" ? "UTC" : $"{name} time";
        return $"{local.ToString("HH:mm", En)} {zone} on {local.ToString("dddd d MMMM yyyy", En)}";
    }

    private static string Money(SlaBreachFacts facts)
    {
        var amount = facts.Report.CreditAmount.ToString("F2", En);
        return NoticeTextSanitizer.OneLine(facts.Currency) is { Length: > 0 } currency ? $"{amount} {currency}" : amount;
    }

    // Four decimals, as in the SLA report: 99.95 % and 99.9499 % are different promises. Adding 0.0 turns -0 into 0.
    private static string Percent(double percent) => (percent + 0.0).ToString("F4", En);

    private static string Number(double value) => (value + 0.0).ToString("0.##", En);
}
