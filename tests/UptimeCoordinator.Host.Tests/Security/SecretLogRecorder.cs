using System.Collections;
using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Logging;

namespace UptimeCoordinator.Host.Tests.Security;

/// <summary>One log line with all it carries: message, structured values, scopes and the full exception.</summary>
internal sealed record SecretLogLine(LogLevel Level, string Category, EventId EventId, string Message, string Everything);

/// <summary>
/// Records every log line of every category with everything a sink could write: the formatted message,
/// each structured state value, each scope (its text and its values) and <c>Exception.ToString()</c>
/// with the <c>Data</c> of every exception in the chain. What it records is what a scan can check.
/// </summary>
internal sealed class SecretLogRecorder : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<SecretLogLine> _lines = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyList<SecretLogLine> Lines => [.. _lines];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private static void AppendValues(StringBuilder text, object? state)
    {
        if (state is IEnumerable<KeyValuePair<string, object?>> pairs)
        {
            foreach (var (key, value) in pairs)
            {
                text.Append(' ').Append(key).Append('=').Append(Describe(value));
            }
        }
    }

    private static string Describe(object? value) => value switch
    {
        null => "null",
        string s => s,
        IEnumerable items => string.Join(",", items.Cast<object?>().Select(i => i?.ToString())),
        _ => value.ToString() ?? "",
    };

    private static void AppendException(StringBuilder text, Exception exception)
    {
        text.Append(" | exception: ").Append(exception);
        var pending = new Stack<Exception>([exception]);
        while (pending.TryPop(out var current))
        {
            foreach (DictionaryEntry entry in current.Data)
            {
                text.Append(" data ").Append(entry.Key).Append('=').Append(Describe(entry.Value));
            }

            if (current is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions)
                {
                    pending.Push(inner);
                }
            }
            else if (current.InnerException is { } inner)
            {
                pending.Push(inner);
            }
        }
    }

    private sealed class Logger(SecretLogRecorder recorder, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => recorder._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var message = formatter(state, exception);
            var text = new StringBuilder(message).Append(" | state:");
            AppendValues(text, state);
            text.Append(" | scopes:");
            recorder._scopes.ForEachScope(
                (scope, line) =>
                {
                    line.Append(" [").Append(scope).Append(']');
                    AppendValues(line, scope);
                },
                text);
            if (exception is not null)
            {
                AppendException(text, exception);
            }

            recorder._lines.Enqueue(new SecretLogLine(logLevel, category, eventId, message, text.ToString()));
        }
    }
}
