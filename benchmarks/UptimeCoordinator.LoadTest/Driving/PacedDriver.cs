using System.Diagnostics;
using System.Text;
using UptimeCoordinator.LoadTest.Reporting;

namespace UptimeCoordinator.LoadTest.Driving;

/// <summary>
/// Drives a target at a fixed rate (open loop: each request has its scheduled time, and latency counts
/// from then, so a slow server cannot hide its queue), or as fast as it answers when the rate is 0,
/// with a bounded number of requests in flight. The fallback where wrk is missing, and the way to
/// ask "what happens at 5 000 events/s".
/// </summary>
internal static class PacedDriver
{
    public static async Task<DriveResult> RunAsync(HttpClient http, Uri url, IReadOnlyList<string> bodies, double rate, TimeSpan duration, int concurrency, Action<string> progress)
    {
        var latencies = new List<double>();
        long failed = 0, sent = 0;
        using var slots = new SemaphoreSlim(concurrency);
        var running = new List<Task>();
        var clock = Stopwatch.StartNew();
        var nextReport = TimeSpan.FromSeconds(1);
        var payloads = bodies.Select(b => Encoding.UTF8.GetBytes(b)).ToArray();
        for (var i = 0; clock.Elapsed < duration; i++)
        {
            var scheduled = rate > 0 ? TimeSpan.FromSeconds(i / rate) : clock.Elapsed;
            if (scheduled > clock.Elapsed)
            {
                await Task.Delay(scheduled - clock.Elapsed);
            }

            await slots.WaitAsync();
            var body = payloads[i % payloads.Length];
            running.Add(SendAsync(body, scheduled));
            sent++;
            if (clock.Elapsed >= nextReport)
            {
                progress($"{sent} requests sent, {sent / clock.Elapsed.TotalSeconds:0} /s");
                nextReport += TimeSpan.FromSeconds(1);
                running.RemoveAll(t => t.IsCompleted);
            }
        }

        await Task.WhenAll(running);
        var seconds = clock.Elapsed.TotalSeconds;
        latencies.Sort();
        return new DriveResult(rate > 0 ? $"paced {rate:0}/s" : "built-in", seconds, sent, failed, sent / seconds, Stats.Percentile(latencies, 50), Stats.Percentile(latencies, 99));

        async Task SendAsync(byte[] body, TimeSpan scheduled)
        {
            try
            {
                using var content = new ByteArrayContent(body);
                content.Headers.ContentType = new("application/json");
                using var response = await http.PostAsync(url, content);
                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref failed);
                }
            }
            catch (HttpRequestException)
            {
                Interlocked.Increment(ref failed);
            }
            finally
            {
                var latency = (clock.Elapsed - scheduled).TotalMilliseconds;
                lock (latencies)
                {
                    latencies.Add(latency);
                }

                slots.Release();
            }
        }
    }
}
