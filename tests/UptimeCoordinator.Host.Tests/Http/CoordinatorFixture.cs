namespace UptimeCoordinator.Host.Tests.Http;

/// <summary>
/// One running app shared by many tests, to pay the silo's start once. State is shared too, so
/// tests use unique service ids and never assume a list holds only their own items.
/// </summary>
public sealed class CoordinatorFixture : IAsyncLifetime
{
    public CoordinatorApp App { get; } = new();

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

[CollectionDefinition(Name)]
public sealed class SharedCoordinatorCollection : ICollectionFixture<CoordinatorFixture>
{
    public const string Name = "http: shared coordinator";
}
