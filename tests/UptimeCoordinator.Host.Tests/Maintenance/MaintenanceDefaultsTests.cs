using System.Net;
using UptimeCoordinator.Host.Tests.Http;
using static UptimeCoordinator.Host.Tests.Maintenance.MaintenanceRig;

namespace UptimeCoordinator.Host.Tests.Maintenance;

/// <summary>A host with no <c>Maintenance</c> configuration: reminders 3 days, 1 day and 1 hour ahead, windows of at most 7 days.</summary>
public sealed class MaintenanceDefaultsTests : IAsyncLifetime
{
    private readonly CoordinatorApp _app = new();
    private CoordinatorClient _api = null!;

    public async Task InitializeAsync()
    {
        _api = new CoordinatorClient(_app);
        await _api.WaitUntilReadyAsync();
    }

    [Fact]
    public async Task AWindowWithoutLeadTimesRemindsThreeDaysOneDayAndOneHourAheadOfThoseStillToCome()
    {
        var service = TestIds.Unique("defaults");
        await _api.CreateServiceAsync(service);
        var farStart = SecondsAhead(4 * 24 * 3600);
        var far = await ScheduleAsync(new { serviceIds = new[] { service }, start = farStart, end = farStart.AddHours(2), title = "Far ahead" });
        Assert.Equal(["P3D", "P1D", "PT1H"], far.Strings("noticeLeadTimes"));
        Assert.Equal(farStart.AddDays(-3), far.Time("nextReminderAt"));

        // Two days' notice: the three-day reminder has nothing left to say.
        var nearStart = SecondsAhead(2 * 24 * 3600);
        var near = await ScheduleAsync(new { serviceIds = new[] { service }, start = nearStart, end = nearStart.AddHours(2), title = "Two days ahead" });
        Assert.Equal(nearStart.AddDays(-1), near.Time("nextReminderAt"));

        using var tooLong = await _api.Ops.PostAsync("/api/v1/maintenance", Json.Content(new
        {
            serviceIds = new[] { service }, start = farStart.AddDays(1), end = farStart.AddDays(8).AddSeconds(1), title = "A week and a second",
        }));
        var messages = await Problem.AssertValidationAsync(tooLong, "end");
        Assert.Contains(messages, m => m.Contains("P7D", StringComparison.Ordinal));
    }

    // A typo in the configuration would otherwise surface as a 500 at the first window, or as reminders never sent.
    [Theory]
    [InlineData("Maintenance:DefaultNoticeLeadTimes", "P3D,tomorrow")]
    [InlineData("Maintenance:DefaultNoticeLeadTimes", "PT0S")]
    [InlineData("Maintenance:MaxDuration", "a week")]
    [InlineData("Maintenance:MaxDuration", "PT0S")]
    public async Task ABadMaintenanceSettingStopsTheHostFromStarting(string key, string value)
    {
        await using var app = new CoordinatorApp(settings: new Dictionary<string, string> { [key] = value });

        var failure = Record.Exception(() => app.CreateClient());

        Assert.NotNull(failure);
        Assert.Contains(key, Messages(failure), StringComparison.Ordinal);
    }

    private static string Messages(Exception exception) =>
        exception is AggregateException aggregate
            ? string.Join("\n", aggregate.InnerExceptions.Select(Messages))
            : exception.Message + (exception.InnerException is { } inner ? "\n" + Messages(inner) : "");

    private async Task<System.Text.Json.JsonElement> ScheduleAsync(object body)
    {
        using var response = await _api.Ops.PostAsync("/api/v1/maintenance", Json.Content(body));
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST /api/v1/maintenance: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJsonAsync();
    }

    public async Task DisposeAsync()
    {
        _api.Dispose();
        await _app.DisposeAsync();
    }
}
