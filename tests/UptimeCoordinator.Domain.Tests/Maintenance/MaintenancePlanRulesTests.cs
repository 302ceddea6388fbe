using Microsoft.Extensions.Time.Testing;
using UptimeCoordinator.Domain.Maintenance;

namespace UptimeCoordinator.Domain.Tests.Maintenance;

public sealed class MaintenancePlanRulesTests
{
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    private DateTimeOffset Now => _time.GetUtcNow();

    [Fact]
    public void A_window_ahead_of_now_within_a_week_passes()
    {
        var errors = new ValidationErrors();
        MaintenancePlanRules.CheckTimes(Now.AddHours(2), Now.AddHours(4), Now, Week, errors);
        Assert.True(errors.IsValid);
    }

    [Fact]
    public void A_start_in_the_past_is_refused_but_a_few_seconds_of_skew_are_not()
    {
        var past = new ValidationErrors();
        MaintenancePlanRules.CheckTimes(Now.AddMinutes(-5), Now.AddHours(1), Now, Week, past);
        Assert.Contains("start", past.ToDictionary().Keys);

        var skewed = new ValidationErrors();
        MaintenancePlanRules.CheckTimes(Now.AddSeconds(-10), Now.AddHours(1), Now, Week, skewed);
        Assert.True(skewed.IsValid);
    }

    [Fact]
    public void A_start_more_than_two_years_ahead_is_refused_but_a_quarter_ahead_is_not()
    {
        var far = new ValidationErrors();
        MaintenancePlanRules.CheckTimes(Now.AddDays(731), Now.AddDays(731).AddHours(1), Now, Week, far);
        Assert.Equal(["may be at most P730D ahead"], far.ToDictionary()["start"]);

        var quarter = new ValidationErrors();
        MaintenancePlanRules.CheckTimes(Now.AddDays(90), Now.AddDays(90).AddHours(1), Now, Week, quarter);
        Assert.True(quarter.IsValid);
    }

    [Fact]
    public void Time_moving_on_makes_yesterdays_plan_a_start_in_the_past()
    {
        var start = Now.AddHours(1);
        _time.Advance(TimeSpan.FromHours(2));
        var errors = new ValidationErrors();
        MaintenancePlanRules.CheckTimes(start, start.AddHours(1), Now, Week, errors);
        Assert.Equal(["is in the past"], errors.ToDictionary()["start"]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-30)]
    public void An_end_not_after_the_start_is_refused(int minutes)
    {
        var errors = new ValidationErrors();
        MaintenancePlanRules.CheckTimes(Now.AddHours(1), Now.AddHours(1).AddMinutes(minutes), Now, Week, errors);
        Assert.Equal(["must be after start"], errors.ToDictionary()["end"]);
    }

    [Fact]
    public void Seven_days_is_the_longest_window()
    {
        var start = Now.AddDays(1);
        var exactly = new ValidationErrors();
        MaintenancePlanRules.CheckTimes(start, start + Week, Now, Week, exactly);
        Assert.True(exactly.IsValid);

        var longer = new ValidationErrors();
        MaintenancePlanRules.CheckTimes(start, start + Week + TimeSpan.FromMinutes(1), Now, Week, longer);
        Assert.Contains("end", longer.ToDictionary().Keys);
    }

    [Fact]
    public void Missing_times_are_named()
    {
        var errors = new ValidationErrors();
        MaintenancePlanRules.CheckTimes(null, null, Now, Week, errors);
        Assert.Equal(["end", "start"], errors.ToDictionary().Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Services_must_be_named_and_be_slugs()
    {
        var none = new ValidationErrors();
        MaintenancePlanRules.CheckServices([], none);
        Assert.Contains("serviceIds", none.ToDictionary().Keys);

        var bad = new ValidationErrors();
        MaintenancePlanRules.CheckServices(["db", "../etc"], bad);
        Assert.Equal(["serviceIds[1]"], bad.ToDictionary().Keys);
    }

    [Fact]
    public void Lead_times_default_when_absent_and_are_parsed_when_given()
    {
        var defaults = new[] { TimeSpan.FromDays(3), TimeSpan.FromDays(1), TimeSpan.FromHours(1) };
        var errors = new ValidationErrors();
        Assert.Equal(defaults, MaintenancePlanRules.LeadTimes(null, defaults, errors));
        Assert.Equal([TimeSpan.FromHours(2), TimeSpan.FromMinutes(15)], MaintenancePlanRules.LeadTimes(["PT2H", "PT15M"], defaults, errors));
        Assert.True(errors.IsValid);
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("PT0S")]
    [InlineData("-PT1H")]
    [InlineData("P31D")]
    public void A_lead_time_that_is_not_a_positive_duration_up_to_30_days_is_refused(string lead)
    {
        var errors = new ValidationErrors();
        MaintenancePlanRules.LeadTimes(["PT1H", lead], [], errors);
        Assert.Equal(["noticeLeadTimes[1]"], errors.ToDictionary().Keys);
    }

    [Fact]
    public void A_title_is_required_and_bounded()
    {
        var missing = new ValidationErrors();
        MaintenancePlanRules.CheckTitle("  ", null, missing);
        Assert.Contains("title", missing.ToDictionary().Keys);

        var tooLong = new ValidationErrors();
        MaintenancePlanRules.CheckTitle(new string('x', MaintenancePlanRules.MaxTitle + 1), new string('y', MaintenancePlanRules.MaxDescription + 1), tooLong);
        Assert.Equal(["description", "title"], tooLong.ToDictionary().Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("Database upgrade\r\nBcc: everyone@example.com")]
    [InlineData("Tab\there")]
    [InlineData("Bell\u0007")]
    public void A_title_is_one_line(string title)
    {
        var errors = new ValidationErrors();
        MaintenancePlanRules.CheckTitle(title, "A description may\nspan lines.", errors);
        Assert.Equal([SingleLineText.Refusal], errors.ToDictionary()["title"]);
        Assert.Single(errors.ToDictionary());
    }
}
