using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace UptimeCoordinator.Host.Tests.Http;

/// <summary>The host says in its log which way it runs, and listens where DESIGN.md §7 promises by default.</summary>
public sealed class StartupModeTests
{
    [Fact]
    public async Task EmbeddedNodeSaysSoInItsLog()
    {
        var logs = new CapturingLoggerProvider();
        await using var app = new CoordinatorApp(
            settings: new Dictionary<string, string> { ["Logging:LogLevel:UptimeCoordinator"] = "Information" },
            services: s => s.AddSingleton<ILoggerProvider>(logs));

        using var client = app.CreateClient();

        var line = Assert.Single(logs.Messages, m => m.StartsWith("UptimeCoordinator runs as", StringComparison.Ordinal));
        Assert.Contains("embedded single node", line, StringComparison.Ordinal);
        Assert.Contains("in-memory grain storage and reminders", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutUrlsTheHostListensOnLocalhost5080()
    {
        await using var app = new CoordinatorApp();

        using var client = app.CreateClient();

        Assert.Equal("http://localhost:5080", app.Services.GetRequiredService<IConfiguration>()["urls"]);
    }

    [Fact]
    public async Task UrlsSettingOverridesTheDefaultAddress()
    {
        await using var app = new CoordinatorApp(settings: new Dictionary<string, string> { ["urls"] = "http://127.0.0.1:5999" });

        using var client = app.CreateClient();

        Assert.Equal("http://127.0.0.1:5999", app.Services.GetRequiredService<IConfiguration>()["urls"]);
    }

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> _messages = new();

        public IReadOnlyCollection<string> Messages => _messages;

        public ILogger CreateLogger(string categoryName) => new Logger(_messages);

        public void Dispose()
        {
        }

        private sealed class Logger(ConcurrentQueue<string> messages) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                messages.Enqueue(formatter(state, exception));
        }
    }
}
