using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace UptimeCoordinator.Delivery.Tests.Support;

/// <summary>A host running only the notice delivery, with fast retries and a recording outbox.</summary>
internal sealed class DeliveryHost : IAsyncDisposable
{
    private static readonly Dictionary<string, string?> Fast = new()
    {
        ["Notifications:Delivery:FirstRetryDelay"] = "PT0.01S",
        ["Notifications:Delivery:AttemptTimeout"] = "PT5S",
        ["Notifications:Delivery:BreakDuration"] = "PT30S",
    };

    private readonly IHost _host;

    private DeliveryHost(IHost host, RecordingOutcomeSink outcomes, RecordingLoggerProvider logs)
    {
        _host = host;
        Outcomes = outcomes;
        Logs = logs;
    }

    public RecordingOutcomeSink Outcomes { get; }

    public RecordingLoggerProvider Logs { get; }

    public INoticeDispatcher Dispatcher => _host.Services.GetRequiredService<INoticeDispatcher>();

    public IServiceProvider Services => _host.Services;

    public static async Task<DeliveryHost> StartAsync(
        Dictionary<string, string?>? settings = null,
        bool allowPrivateNetworksByDefault = true,
        TimeProvider? time = null,
        RecordingOutcomeSink? outcomes = null)
    {
        outcomes ??= new RecordingOutcomeSink();
        var logs = new RecordingLoggerProvider();
        var host = Build(settings, allowPrivateNetworksByDefault, time, outcomes, logs);
        await host.StartAsync();
        return new DeliveryHost(host, outcomes, logs);
    }

    /// <summary>A host not yet started, for tests of what stops the start.</summary>
    public static IHost Build(
        Dictionary<string, string?>? settings = null,
        bool allowPrivateNetworksByDefault = true,
        TimeProvider? time = null,
        RecordingOutcomeSink? outcomes = null,
        RecordingLoggerProvider? logs = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(Fast.Concat(settings ?? []).GroupBy(s => s.Key).Select(g => g.Last()));
        builder.Logging.SetMinimumLevel(LogLevel.Trace);
        builder.Logging.AddProvider(logs ?? new RecordingLoggerProvider());
        if (time is not null)
        {
            builder.Services.AddSingleton(time);
        }

        builder.Services.AddNoticeDelivery(builder.Configuration, allowPrivateNetworksByDefault);
        builder.Services.AddSingleton<IDeliveryOutcomeSink>(outcomes ?? new RecordingOutcomeSink());
        return builder.Build();
    }

    public static Dictionary<string, string?> Smtp(SmtpTestServer server, string from = "Uptime Coordinator <uptime@status.example>") => new()
    {
        ["Notifications:Smtp:Host"] = "127.0.0.1",
        ["Notifications:Smtp:Port"] = server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Notifications:Smtp:From"] = from,
        ["Notifications:Smtp:UseTls"] = "false",
    };

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
