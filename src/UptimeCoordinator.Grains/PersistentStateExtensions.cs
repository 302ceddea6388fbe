namespace UptimeCoordinator.Grains;

internal static class PersistentStateExtensions
{
    /// <summary>
    /// Runs <paramref name="persist"/>, or, if it fails, discards the activation before rethrowing.
    /// Grains change their state in memory before writing it; serving or building on changes that
    /// were never stored would, for example, answer a monitor's retry as a duplicate and lose the
    /// event. The next call reloads from storage.
    /// </summary>
    public static async Task PersistOrDiscardAsync(this IGrainBase grain, Func<Task> persist)
    {
        try
        {
            await persist();
        }
        catch
        {
            grain.DeactivateOnIdle();
            throw;
        }
    }

    public static Task WriteOrDiscardAsync<T>(this IPersistentState<T> state, IGrainBase grain) =>
        grain.PersistOrDiscardAsync(state.WriteStateAsync);
}
