using Xunit.Sdk;

namespace UptimeCoordinator.Host.Tests.Redis;

/// <summary>
/// The host processes one test starts, against one Redis, alone or in pairs; when the test fails,
/// every process is killed and all their logs, Redis's included, go into the failure message.
/// </summary>
internal sealed class HostGroup(RedisServer redis) : IAsyncDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);

    private readonly List<HostProcess> _hosts = [];

    public IReadOnlyList<HostProcess> Hosts => _hosts;

    /// <summary>Starts two hosts of one cluster and waits until both are ready; returns how long each took.</summary>
    public async Task<(HostProcess First, HostProcess Second, TimeSpan[] ReadyAfter)> StartPairAsync(HostSettings settings, string first, string second)
    {
        var one = HostProcess.Start(first, settings);
        _hosts.Add(one);
        var two = HostProcess.Start(second, settings);
        _hosts.Add(two);
        var ready = await Task.WhenAll(one.WaitUntilReadyAsync(ReadyTimeout), two.WaitUntilReadyAsync(ReadyTimeout));
        return (one, two, ready);
    }

    /// <summary>
    /// Starts one host per name, all of one cluster, at once, and waits until every one is ready;
    /// returns them in the order of <paramref name="names"/>, with how long each took.
    /// </summary>
    public async Task<(HostProcess[] Hosts, TimeSpan[] ReadyAfter)> StartManyAsync(HostSettings settings, params string[] names)
    {
        var started = new HostProcess[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            started[i] = HostProcess.Start(names[i], settings);
            _hosts.Add(started[i]);
        }

        var ready = await Task.WhenAll(started.Select(h => h.WaitUntilReadyAsync(ReadyTimeout)));
        return (started, ready);
    }

    /// <summary>Starts one host and waits until it is ready; returns how long it took.</summary>
    public async Task<(HostProcess Host, TimeSpan ReadyAfter)> StartAsync(HostSettings settings, string name)
    {
        var host = HostProcess.Start(name, settings);
        _hosts.Add(host);
        return (host, await host.WaitUntilReadyAsync(ReadyTimeout));
    }

    /// <summary>Kills every host and wraps <paramref name="failure"/> with the logs of every process.</summary>
    public async Task<XunitException> FailureWithLogsAsync(Exception failure)
    {
        await Task.WhenAll(_hosts.Select(h => h.KillAsync()));
        var logs = string.Join("\n", _hosts.Select(h => h.Log.ToString()).Append(redis.Log.ToString()));
        return new XunitException($"{failure.GetType().Name}: {failure.Message}\n\nLogs of every process this test started:\n{logs}", failure);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }
    }
}
