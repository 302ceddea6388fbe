using System.Net;

namespace UptimeCoordinator.Host.Tests.Http;

/// <summary>
/// Cursor pagination (<c>?limit=&amp;cursor=</c>) on the service and incident lists. Walks need to know
/// every item in a list, so they run on an app of their own rather than the shared one.
/// </summary>
public sealed class PaginationTests(CoordinatorFixture fixture) : IClassFixture<CoordinatorFixture>
{
    private CoordinatorClient Api => fixture.Api;

    private static readonly string[] ListPaths = ["/api/v1/services", "/api/v1/incidents", "/api/v1/incidents?state=all"];

    public static TheoryData<string> Lists => new(ListPaths);

    public static TheoryData<string, string> BadLimits => Cross(["0", "201", "-1", "abc", "1.5", ""]);

    public static TheoryData<string, string> BadCursors => Cross(["%25%25%25", "not%20base64!", ""]);

    [Fact]
    public async Task ServicesPageInIdOrderUntilTheCursorRunsOut()
    {
        await using var app = new CoordinatorApp();
        using var api = new CoordinatorClient(app);
        var prefix = TestIds.Unique("page");
        var ids = Enumerable.Range(0, 7).Select(i => $"{prefix}-{(char)('g' - i)}").ToList();
        foreach (var id in ids)
        {
            await api.CreateServiceAsync(id);
        }

        var pages = await api.PagesAsync("/api/v1/services", 3);

        Assert.Equal([3, 3, 1], pages.Select(p => p.Count));
        Assert.Equal(ids.Order(StringComparer.Ordinal), pages.SelectMany(p => p).Select(s => s.Str("id")));
    }

    [Fact]
    public async Task ListThatFitsOnePageHasNoNextCursor()
    {
        await using var app = new CoordinatorApp();
        using var api = new CoordinatorClient(app);
        await api.CreateServiceAsync(TestIds.Unique());
        await api.CreateServiceAsync(TestIds.Unique());

        var exact = await api.PagesAsync("/api/v1/services", 2);
        var roomy = await api.PagesAsync("/api/v1/services", 200);

        Assert.Equal([2], exact.Select(p => p.Count));
        Assert.Equal([2], roomy.Select(p => p.Count));
    }

    [Fact]
    public async Task IncidentsPageNewestFirstAndStateChoosesOpenOrAll()
    {
        var services = Enumerable.Range(0, 5).Select(_ => TestIds.Unique("inc")).ToList();
        var openedAt = new Dictionary<string, DateTimeOffset>();
        for (var i = 0; i < services.Count; i++)
        {
            await Api.CreateServiceAsync(services[i]);
            openedAt[services[i]] = TestTime.MinutesAgo(50 - (i * 7));
            await Api.RecordAsync(EventBody.Down(services[i], openedAt[services[i]]));
        }

        var incidentOf = new Dictionary<string, string>();
        foreach (var service in services)
        {
            incidentOf[service] = await Api.OpenIncidentIdAsync(service);
        }

        // The second and fourth recover.
        await Api.RecordAsync(EventBody.Up(services[1], TestTime.MinutesAgo(5)), EventBody.Up(services[3], TestTime.MinutesAgo(5)));
        var newestFirst = services.OrderByDescending(s => openedAt[s]).Select(s => incidentOf[s]).ToList();
        var openNewestFirst = newestFirst.Where(i => i != incidentOf[services[1]] && i != incidentOf[services[3]]).ToList();

        var all = await Api.PagesAsync("/api/v1/incidents?state=all", 2);
        var open = await Api.PagesAsync("/api/v1/incidents?state=open", 2);
        var byDefault = await Api.PagesAsync("/api/v1/incidents", 2);

        Assert.Equal([2, 2, 1], all.Select(p => p.Count));
        Assert.Equal(newestFirst, all.SelectMany(p => p).Select(i => i.Str("id")));
        Assert.Equal([2, 1], open.Select(p => p.Count));
        Assert.Equal(openNewestFirst, open.SelectMany(p => p).Select(i => i.Str("id")));
        Assert.Equal(openNewestFirst, byDefault.SelectMany(p => p).Select(i => i.Str("id")));
    }

    [Theory]
    [MemberData(nameof(BadLimits))]
    public async Task LimitOutsideOneTo200IsRejected(string list, string limit)
    {
        using var response = await Api.Ops.GetAsync($"{list}{Separator(list)}limit={limit}");

        var messages = await Problem.AssertValidationAsync(response, "limit");
        Assert.Contains(messages, m => m.Contains("200", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(BadCursors))]
    public async Task GarbageCursorIsRejected(string list, string cursor)
    {
        using var response = await Api.Ops.GetAsync($"{list}{Separator(list)}cursor={cursor}");

        await Problem.AssertValidationAsync(response, "cursor");
    }

    [Theory]
    [InlineData("bogus")]
    [InlineData("OPEN")]
    [InlineData("")]
    public async Task UnknownIncidentStateIsRejected(string state)
    {
        using var response = await Api.Ops.GetAsync($"/api/v1/incidents?state={state}");

        var messages = await Problem.AssertValidationAsync(response, "state");
        Assert.Contains(messages, m => m.Contains("open", StringComparison.Ordinal) && m.Contains("all", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task LimitsOfOneAnd200AreAccepted(string list)
    {
        using var one = await Api.Ops.GetAsync($"{list}{Separator(list)}limit=1");
        using var most = await Api.Ops.GetAsync($"{list}{Separator(list)}limit=200");

        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        Assert.Equal(HttpStatusCode.OK, most.StatusCode);
    }

    private static char Separator(string path) => path.Contains('?', StringComparison.Ordinal) ? '&' : '?';

    private static TheoryData<string, string> Cross(string[] values)
    {
        var data = new TheoryData<string, string>();
        foreach (var list in ListPaths)
        {
            foreach (var value in values)
            {
                data.Add(list, value);
            }
        }

        return data;
    }
}
