using System.Globalization;
using System.Text;

namespace UptimeCoordinator.Domain.Sla;

/// <summary>
/// An SLA month as RFC 4180 CSV for finance and the client's own spreadsheets: one row per
/// service, then an <c>overall</c> row that alone carries whether the target was met and the credit,
/// because the contract is judged on the impact-weighted whole, not on any one service.
/// </summary>
public static class SlaCsv
{
    public const string Header =
        "month,client_id,service_id,eligible_minutes,down_minutes,excluded_minutes,uptime_percent,target_percent,met,credit_percent,credit_amount,currency";

    public const string OverallServiceId = "overall";

    private const string LineEnd = "\r\n";

    public static string Write(SlaReport report, string clientId, string currency)
    {
        var month = string.Create(CultureInfo.InvariantCulture, $"{report.Year:D4}-{report.Month:D2}");
        var client = Text(clientId);
        var target = Percent(report.TargetPercent);
        var csv = new StringBuilder().Append(Header).Append(LineEnd);
        foreach (var service in report.Services)
        {
            AppendRow(csv, month, client, Text(service.ServiceId), Minutes(service.EligibleMinutes), Minutes(service.DownMinutes),
                Minutes(service.ExcludedMinutes), Percent(service.UptimePercent), target, "", "", "", "");
        }

        AppendRow(csv, month, client, OverallServiceId, Minutes(report.EligibleMinutes), Minutes(report.DownMinutes),
            Minutes(report.ExcludedMinutes), Percent(report.UptimePercent), target, report.Met ? "true" : "false",
            Percent(report.Tier?.CreditPercent ?? 0), report.CreditAmount.ToString("F2", CultureInfo.InvariantCulture), Text(currency));
        return csv.ToString();
    }

    // Fields arrive ready: text already escaped by Text, numbers formatted in the invariant culture.
    private static void AppendRow(StringBuilder csv, params string[] fields) =>
        csv.AppendJoin(',', fields).Append(LineEnd);

    /// <summary>
    /// A text field made inert and quoted where RFC 4180 needs it. A leading <c>= + - @</c> (or tab
    /// or CR, per OWASP) would make a spreadsheet evaluate the cell as a formula, so it is prefixed
    /// with an apostrophe, which spreadsheets show as plain text.
    /// </summary>
    private static string Text(string? value)
    {
        value ??= "";
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;
    }

    // Adding 0.0 turns a negative zero into zero, which would otherwise print as "-0.00".
    private static string Minutes(double minutes) => (minutes + 0.0).ToString("F2", CultureInfo.InvariantCulture);

    private static string Percent(double percent) => (percent + 0.0).ToString("F4", CultureInfo.InvariantCulture);
}
