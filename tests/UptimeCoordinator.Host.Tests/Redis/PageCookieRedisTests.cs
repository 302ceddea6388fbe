using System.Net;
using StackExchange.Redis;
using UptimeCoordinator.Host.Pages;
using Xunit.Abstractions;

namespace UptimeCoordinator.Host.Tests.Redis;

/// <summary>
/// Behind a load balancer a page's next request may reach any host, and hosts come and go: a page
/// cookie one host issued must sign in on every other, a host started later included, because the
/// key ring that protects it lives in Redis.
/// </summary>
public sealed class PageCookieRedisTests(ITestOutputHelper output)
{
    [SkippableFact]
    public async Task APageCookieIssuedByOneHostSignsInOnAnotherAndOnAHostStartedAfterTheFirstDied()
    {
        var redisServer = RedisServer.RequireExecutable();
        await using var redis = await RedisServer.StartAsync(redisServer, TimeSpan.FromSeconds(15));
        var run = Guid.NewGuid().ToString("N")[..12];
        var clientId = $"acme-{run}";
        var clientKey = $"client{run}";
        var settings = new HostSettings(redis.ConnectionString, $"uc-test-{run}", $"uc-cookie-{run}", $"ops{run}")
        {
            Environment = new Dictionary<string, string> { [$"Auth__ApiKeys__{clientKey}"] = $"client:{clientId}" },
        };

        var hosts = new HostGroup(redis);
        try
        {
            var (a, b, _) = await hosts.StartPairAsync(settings, "A", "B");
            await a.SendJsonAsync(HttpMethod.Put, $"api/v1/clients/{clientId}", new { name = "Acme", timeZone = "Europe/Berlin" }, HttpStatusCode.Created);

            using var noRedirects = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false };
            using var browser = new HttpClient(noRedirects) { Timeout = TimeSpan.FromSeconds(30) };
            using var signIn = await browser.GetAsync(new Uri($"http://127.0.0.1:{a.HttpPort}/status/{clientId}?key={clientKey}"));
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
            var cookie = Assert.Single(signIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("uc_client=", StringComparison.Ordinal)).Split(';')[0];

            Assert.Equal(HttpStatusCode.OK, await StatusWithCookieAsync(browser, b, clientId, cookie));

            // On one machine the hosts would also share a key ring in the user's home directory: the ring must be Redis's.
            await using (var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString))
            {
                Assert.True(await connection.GetDatabase().ListLengthAsync(PageKeyRing.RedisKey) > 0, "The key ring is not in Redis.");
            }

            Assert.Equal(HttpStatusCode.Unauthorized, await StatusWithCookieAsync(browser, b, clientId, "uc_client=forged"));

            await a.KillAsync();
            var (c, _) = await hosts.StartAsync(settings, "C");
            Assert.Equal(HttpStatusCode.OK, await StatusWithCookieAsync(browser, c, clientId, cookie));
        }
        catch (Exception ex) when (ex is not Xunit.SkipException)
        {
            throw await hosts.FailureWithLogsAsync(ex);
        }
        finally
        {
            await hosts.DisposeAsync();
            foreach (var host in hosts.Hosts)
            {
                output.WriteLine(host.Log.ToString());
            }
        }
    }

    private static async Task<HttpStatusCode> StatusWithCookieAsync(HttpClient browser, HostProcess host, string clientId, string cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"http://127.0.0.1:{host.HttpPort}/api/v1/clients/{clientId}/status"));
        request.Headers.Add("Cookie", cookie);
        using var response = await browser.SendAsync(request);
        return response.StatusCode;
    }
}
