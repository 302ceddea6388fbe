namespace UptimeCoordinator.Contracts.Changes;

/// <summary>
/// The one Orleans stream that carries every <see cref="ChangeEvent"/> of the cluster: grains publish
/// to it after persisting a change, and every host subscribes to it once to serve its live stream.
/// </summary>
public static class ChangeStream
{
    /// <summary>The stream provider's name, as registered on every silo.</summary>
    public const string ProviderName = "changes";

    /// <summary>The stream id's namespace.</summary>
    public const string Namespace = "changes";

    /// <summary>The stream id's key: one stream for everything keeps the order in which a grain published.</summary>
    public const string Key = "all";
}
