using System.Globalization;
using System.Text;

namespace UptimeCoordinator.LoadTest.Reporting;

/// <summary>The report as Markdown tables, the form docs/benchmarks.md quotes.</summary>
internal static class MarkdownReport
{
    public static string Write(LoadReport report)
    {
        var md = new StringBuilder();
        var invariant = CultureInfo.InvariantCulture;
        md.AppendLine(invariant, $"# Load test report, {report.StartedAt:yyyy-MM-dd HH:mm} UTC").AppendLine();
        md.AppendLine(invariant, $"Machine: {report.Machine.Cpu}, {report.Machine.Cores} cores, {report.Machine.Os}, {report.Machine.Runtime}.");
        md.AppendLine(invariant, $"Peers: Alertmanager {report.Machine.Alertmanager ?? "not run"}, Redis {report.Machine.Redis ?? "not run"}, wrk {report.Machine.Wrk ?? "missing (built-in driver)"}.");
        md.AppendLine(invariant, $"Settings: {report.Settings}. Took {report.Seconds / 60:0.0} min.").AppendLine();

        md.AppendLine("## Targets").AppendLine().AppendLine("| target | measured | met |").AppendLine("|---|---|---|");
        foreach (var check in report.Targets)
        {
            md.AppendLine(invariant, $"| {check.Target} | {check.Measured} | {(check.Met ? "yes" : "**no**")} |");
        }

        md.AppendLine().AppendLine("## Ingest").AppendLine();
        md.AppendLine("| target | stream | transitions | shape | driver | events/s | requests/s | request p50 ms | request p99 ms | not 2xx | server CPU s per 1000 events |");
        md.AppendLine("|---|---|---:|---|---|---:|---:|---:|---:|---:|---:|");
        foreach (var figure in report.Modes.SelectMany(m => m.Ingest).Concat(report.Alertmanager?.Ingest ?? []))
        {
            md.AppendLine(invariant, $"| {figure.Target} | {figure.Stream} | {figure.TransitionShare:P2} | {IngestFigure.Shape(figure.BatchSize)} | {figure.Drive.Driver} | {figure.EventsPerSecond:N0} | {figure.Drive.RequestsPerSecond:N0} | {figure.Drive.LatencyP50Ms:0.00} | {figure.Drive.LatencyP99Ms:0.00} | {figure.Drive.Failed} | {figure.CpuSecondsPer1000Events:0.0000} |");
        }

        md.AppendLine().AppendLine("Transitions: the share of the stream's reports that change a service's status (each opens, closes or reopens an incident); the rest repeat it.");

        md.AppendLine().AppendLine("## Down event to webhook").AppendLine();
        md.AppendLine("| mode | scenario | contacts | rounds | p50 ms | p99 ms | max ms | completion median ms | completion max ms | repeats | missing | setup s |");
        md.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (mode, d) in report.Modes.SelectMany(m => m.Deliveries.Select(d => (m.Mode, d)))
            .Concat(report.Alertmanager is { } am ? [("alertmanager", am.Latency)] : []))
        {
            md.AppendLine(invariant, $"| {mode} | {d.Name} | {d.Contacts:N0} | {d.Rounds} | {d.P50Ms:0.0} | {d.P99Ms:0.0} | {d.MaxMs:0.0} | {d.CompletionMedianMs:0.0} | {d.CompletionMaxMs:0.0} | {d.Repeats} | {d.Missing} | {d.SetupSeconds:0.0} |");
        }

        if (report.Memory.Count > 0)
        {
            md.AppendLine().AppendLine("## Memory per idle grain").AppendLine();
            md.AppendLine("| grain | activations | bytes each, empty state | bytes each, with its data | bytes each left after deactivation |");
            md.AppendLine("|---|---:|---:|---:|---:|");
            foreach (var m in report.Memory)
            {
                md.AppendLine(invariant, $"| {m.Grain} | {m.Count:N0} | {m.BytesPerEmptyActivation:N0} | {m.BytesPerActivationWithData:N0} | {m.BytesLeftAfterDeactivation:N0} |");
            }
        }

        return md.ToString();
    }
}
