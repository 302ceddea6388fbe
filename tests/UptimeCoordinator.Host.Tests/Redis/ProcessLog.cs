using System.Diagnostics;
using System.Text;

namespace UptimeCoordinator.Host.Tests.Redis;

/// <summary>A child process's stdout and stderr, line by line, each stamped with the time since start.</summary>
internal sealed class ProcessLog(string name)
{
    private readonly StringBuilder _text = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Lock _gate = new();

    public string Name { get; } = name;

    public void Attach(Process process)
    {
        process.OutputDataReceived += (_, e) => Append("out", e.Data);
        process.ErrorDataReceived += (_, e) => Append("err", e.Data);
    }

    public void Note(string line) => Append("test", line);

    public bool Contains(string text)
    {
        lock (_gate)
        {
            return _text.ToString().Contains(text, StringComparison.Ordinal);
        }
    }

    public override string ToString()
    {
        lock (_gate)
        {
            return $"===== {Name} =====\n{_text}";
        }
    }

    private void Append(string stream, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            _text.Append(FormattableString.Invariant($"[+{_clock.Elapsed.TotalSeconds,6:0.00}s {stream}] ")).Append(line).Append('\n');
        }
    }
}
