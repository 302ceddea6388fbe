namespace UptimeCoordinator.LoadTest.Processes;

/// <summary>Waits for a started server to answer, or fails with its log's tail.</summary>
internal static class Readiness
{
    public static async Task WaitAsync(ChildProcess process, Func<Task<bool>> isReady, string what, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{what} exited while starting:\n{process.Tail()}");
            }

            try
            {
                if (await isReady())
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or System.Net.Sockets.SocketException or IOException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"{what} was not ready within {timeout.TotalSeconds:0} s:\n{process.Tail()}");
    }
}
