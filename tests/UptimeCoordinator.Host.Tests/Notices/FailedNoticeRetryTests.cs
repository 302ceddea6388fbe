using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using UptimeCoordinator.Host.Tests.Http;
using UptimeCoordinator.Host.Tests.Infrastructure;

namespace UptimeCoordinator.Host.Tests.Notices;

/// <summary>
/// A webhook notice whose receiver keeps answering 500 ends failed and shows on
/// <c>GET /api/v1/notices/failed</c>; once the receiver is fixed, ops retry it and it goes out under
/// the same <c>webhook-id</c> the failed attempts carried.
/// </summary>
public sealed class FailedNoticeRetryTests(FailedNoticeRigFixture fixture) : IClassFixture<FailedNoticeRigFixture>
{
    private NoticeRig Rig => fixture.Rig;

    private CoordinatorClient Api => Rig.Api;

    [Fact]
    public async Task AFailedNoticeIsListedThenRetriedUnderItsOwnIdAndLeavesTheListWhenSent()
    {
        var (service, client) = await ClientOfNewServiceAsync(broken: true);
        await Api.RecordAsync(EventBody.Down(service, TestTime.MinutesAgo(1)));
        var failed = await NoticeInStateAsync(client, "failed");
        var noticeId = failed.Str("id");
        Assert.Equal(FailedNoticeRigFixture.MaxAttempts, failed.GetProperty("attempts").GetInt32());

        var listed = Assert.Single(await FailedListAsync(), n => n.Str("clientId") == client && n.Str("id") == noticeId);
        Assert.Equal(("failed", "webhook", "incident.detected"), (listed.Str("state"), listed.Str("channel"), listed.Str("kind")));
        Assert.Contains("500", listed.Str("lastError"), StringComparison.Ordinal);

        fixture.Fix(HookPath(client));
        using var retry = await Api.Ops.PostAsync(RetryPath(client, noticeId), null);

        Assert.True(retry.StatusCode == HttpStatusCode.Accepted, $"retry: {(int)retry.StatusCode} {await retry.Content.ReadAsStringAsync()}");
        var accepted = await retry.ReadJsonAsync();
        Assert.Equal((noticeId, "pending"), (accepted.Str("id"), accepted.Str("state")));
        var sent = await NoticeInStateAsync(client, "sent", noticeId);
        Assert.Equal(FailedNoticeRigFixture.MaxAttempts + 1, sent.GetProperty("attempts").GetInt32());
        Assert.DoesNotContain(await FailedListAsync(), n => n.Str("clientId") == client && n.Str("id") == noticeId);

        var deliveries = Rig.Receiver.Requests.Where(r => r.PathAndQuery == HookPath(client)).ToList();
        Assert.Equal(FailedNoticeRigFixture.MaxAttempts + 1, deliveries.Count);
        Assert.All(deliveries, d => Assert.Equal(noticeId, d.Id));
        Assert.All(deliveries, d => Assert.True(d.SignatureVerified, $"attempt {d.Number} is signed"));
        Assert.Single(deliveries.Select(d => d.BodyText).Distinct());
    }

    [Fact]
    public async Task ANoticeThatDidNotFailIsAConflictAndUnknownOnesAreNotFound()
    {
        var (service, client) = await ClientOfNewServiceAsync(broken: false);
        await Api.RecordAsync(EventBody.Down(service, TestTime.MinutesAgo(1)));
        var sent = await NoticeInStateAsync(client, "sent");

        using var conflict = await Api.Ops.PostAsync(RetryPath(client, sent.Str("id")), null);
        using var unknownNotice = await Api.Ops.PostAsync(RetryPath(client, "no-such-notice"), null);
        using var unknownClient = await Api.Ops.PostAsync(RetryPath(TestIds.Unique("nobody"), sent.Str("id")), null);

        var problem = await Problem.AssertAsync(conflict, HttpStatusCode.Conflict);
        Assert.Contains("sent", problem.Str("detail"), StringComparison.Ordinal);
        await Problem.AssertAsync(unknownNotice, HttpStatusCode.NotFound);
        await Problem.AssertAsync(unknownClient, HttpStatusCode.NotFound);
        Assert.Equal("sent", (await NoticeInStateAsync(client, "sent", sent.Str("id"))).Str("state"));
    }

    [Fact]
    public async Task OnlyOpsListAndRetryFailedNotices()
    {
        using var clientList = await Api.Client.GetAsync("/api/v1/notices/failed");
        using var monitorList = await Api.Monitor.GetAsync("/api/v1/notices/failed");
        using var clientRetry = await Api.Client.PostAsync(RetryPath("acme", "any"), null);
        using var badLimit = await Api.Ops.GetAsync("/api/v1/notices/failed?limit=0");

        await Problem.AssertAsync(clientList, HttpStatusCode.Forbidden);
        await Problem.AssertAsync(monitorList, HttpStatusCode.Forbidden);
        await Problem.AssertAsync(clientRetry, HttpStatusCode.Forbidden);
        await Problem.AssertValidationAsync(badLimit, "limit");
    }

    private static string HookPath(string client) => $"/hooks/{client}";

    private static string RetryPath(string client, string noticeId) => $"/api/v1/clients/{client}/notices/{Uri.EscapeDataString(noticeId)}/retry";

    private async Task<(string Service, string Client)> ClientOfNewServiceAsync(bool broken)
    {
        var service = TestIds.Unique();
        await Api.CreateServiceAsync(service);
        var client = TestIds.Unique("client");
        if (broken)
        {
            fixture.Break(HookPath(client));
        }

        await Rig.CreateClientAsync(client, [service], Rig.WebhookContact("hook", HookPath(client)));
        return (service, client);
    }

    /// <summary>Waits until the client's (only, or <paramref name="id"/>) notice is in <paramref name="state"/>.</summary>
    private async Task<JsonElement> NoticeInStateAsync(string client, string state, string? id = null)
    {
        JsonElement found = default;
        await Eventually.HoldsAsync(
            async () => (await Rig.NoticesAsync(client)).FirstOrDefault(n => (id is null || n.Str("id") == id) && n.Str("state") == state) is { ValueKind: JsonValueKind.Object } n && (found = n).ValueKind == JsonValueKind.Object,
            $"a {state} notice of {client}");
        return found;
    }

    private async Task<List<JsonElement>> FailedListAsync() =>
        [.. (await Api.PagesAsync("/api/v1/notices/failed", 200)).SelectMany(p => p)];
}

/// <summary>
/// A <see cref="NoticeRig"/> that gives up after two attempts, whose receiver answers 500 on the
/// paths a test broke until it fixes them.
/// </summary>
public sealed class FailedNoticeRigFixture : IAsyncLifetime
{
    public const int MaxAttempts = 2;

    private readonly ConcurrentDictionary<string, bool> _broken = new(StringComparer.Ordinal);

    internal NoticeRig Rig { get; private set; } = null!;

    public void Break(string path) => _broken[path] = true;

    public void Fix(string path) => _broken.TryRemove(path, out _);

    public async Task InitializeAsync()
    {
        Rig = await NoticeRig.StartAsync(new Dictionary<string, string>
        {
            ["Notifications:Delivery:MaxAttempts"] = MaxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RateLimiting:OpsPerSecond"] = "0",
        });

        // The receiver records a request before it asks for the answer, so the number finds its path.
        Rig.Receiver.StatusFor = number =>
            _broken.ContainsKey(Rig.Receiver.Requests.First(r => r.Number == number).PathAndQuery) ? 500 : 200;
    }

    public async Task DisposeAsync() => await Rig.DisposeAsync();
}
