using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace UptimeCoordinator.Delivery.Tests.Support;

/// <summary>Keeps every log line, exceptions included, to prove what the delivery never writes.</summary>
internal sealed class RecordingLoggerProvider : ILoggerProvider, ILogger
{
    private readonly ConcurrentQueue<(LogLevel Level, string Category, string Text)> _lines;
    private readonly string _category;

    public RecordingLoggerProvider()
        : this("", new ConcurrentQueue<(LogLevel, string, string)>())
    {
    }

    private RecordingLoggerProvider(string category, ConcurrentQueue<(LogLevel, string, string)> lines)
    {
        _category = category;
        _lines = lines;
    }

    public IReadOnlyList<(LogLevel Level, string Category, string Text)> Lines => [.. _lines];

    public ILogger CreateLogger(string categoryName) => new RecordingLoggerProvider(categoryName, _lines);

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
            ? string.Join(' ', pairs.Select(p => $"{p.Key}={p.Value}"))
            : "";
        _lines.Enqueue((logLevel, _category, $"{formatter(state, exception)} | {values} | {exception}"));
    }

    public void Dispose()
    {
    }
}
