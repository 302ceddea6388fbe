namespace UptimeCoordinator.Host.Tests.Http;

/// <summary><c>Incidents:ReopenWindow</c> decides whether a recurrence reopens the last incident or opens a new one.</summary>
public sealed class ReopenWindowTests
{
    [Fact]
    public async Task ConfiguredReopenWindowReplacesTheDefault()
    {
        await using var app = new CoordinatorApp(settings: new Dictionary<string, string> { ["Incidents:ReopenWindow"] = "PT1M" });
        using var api = new CoordinatorClient(app);
        var quick = TestIds.Unique("quick");
        var slow = TestIds.Unique("slow");
        await api.CreateServiceAsync(quick);
        await api.CreateServiceAsync(slow);
        await api.RecordAsync(
            EventBody.Down(quick, TestTime.MinutesAgo(20)), EventBody.Up(quick, TestTime.MinutesAgo(10)),
            EventBody.Down(slow, TestTime.MinutesAgo(20)), EventBody.Up(slow, TestTime.MinutesAgo(10)));
        var quickFirst = Assert.Single(await api.IncidentIdsOfAsync(quick));
        var slowFirst = Assert.Single(await api.IncidentIdsOfAsync(slow));

        // 30 seconds after the resolution is inside PT1M; 5 minutes is inside the default PT15M but not PT1M.
        await api.RecordAsync(EventBody.Down(quick, TestTime.MinutesAgo(9.5)), EventBody.Down(slow, TestTime.MinutesAgo(5)));

        Assert.Equal(quickFirst, await api.OpenIncidentIdAsync(quick));
        Assert.Equal(1, (await api.GetIncidentAsync(quickFirst)).GetProperty("reopenCount").GetInt32());
        Assert.Equal([quickFirst], await api.IncidentIdsOfAsync(quick));
        var slowSecond = await api.OpenIncidentIdAsync(slow);
        Assert.Equal([slowSecond, slowFirst], await api.IncidentIdsOfAsync(slow));
        Assert.Equal("resolved", (await api.GetIncidentAsync(slowFirst)).Str("stage"));
    }
}
