using UptimeCoordinator.Host.Tests.Http;

namespace UptimeCoordinator.Host.Tests.Stream;

/// <summary>One app for the live stream tests, with heartbeats every second so that tests need not wait 15.</summary>
public sealed class StreamAppFixture : IAsyncLifetime
{
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(1);

    public CoordinatorApp App { get; } = new(settings: new Dictionary<string, string> { ["Stream:HeartbeatInterval"] = "PT1S" });

    public CoordinatorClient Api { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Api = new CoordinatorClient(App);
        await Api.WaitUntilReadyAsync();
    }

    public async Task DisposeAsync()
    {
        Api.Dispose();
        await App.DisposeAsync();
    }
}
