namespace UptimeCoordinator.LoadTest.Tests.Units;

/// <summary>The command line: the full benchmark by default, the quick profile, and the switches on top.</summary>
public sealed class LoadOptionsTests
{
    [Fact]
    public void NoArgumentsIsTheFullRunOnBothModesWithTheLargeFanOuts()
    {
        var options = LoadOptions.Parse([]);

        Assert.False(options.Quick);
        Assert.Equal(["embedded", "redis"], options.Modes);
        Assert.True(options.Alertmanager);
        Assert.Equal([(1_000, 5), (10_000, 2), (100_000, 1)], options.FanOuts);
    }

    [Fact]
    public void QuickIsTheSmallProfile()
    {
        var options = LoadOptions.Parse(["--quick"]);

        Assert.True(options.Quick);
        Assert.Equal(50, options.IngestServices);
        Assert.Equal(5_000, options.StreamLength);
        Assert.Equal(TimeSpan.FromSeconds(2), options.Duration);
        Assert.Equal([(100, 2)], options.FanOuts);
    }

    [Fact]
    public void QuickAfterAnotherOptionKeepsThatOption()
    {
        // --quick picks the base profile before the other options apply, wherever it stands.
        var options = LoadOptions.Parse(["--modes", "embedded", "--quick"]);

        Assert.True(options.Quick);
        Assert.Equal(["embedded"], options.Modes);
    }

    [Fact]
    public void ModesNarrowsTheRunToTheNamedModes() =>
        Assert.Equal(["embedded"], LoadOptions.Parse(["--modes", "embedded"]).Modes);

    [Fact]
    public void NoAlertmanagerLeavesThePeerOut()
    {
        var options = LoadOptions.Parse(["--no-alertmanager"]);

        Assert.False(options.Alertmanager);
        Assert.Equal(["embedded", "redis"], options.Modes);
    }

    [Fact]
    public void ASettingIsPassedToTheHost() =>
        Assert.Equal(new Dictionary<string, string> { ["Delivery:Workers"] = "8" }, LoadOptions.Parse(["--setting", "Delivery:Workers=8"]).HostSettings);

    [Fact]
    public void ASettingSplitsAtItsFirstEqualsSign() =>
        Assert.Equal("Host=redis;Password=a=b", LoadOptions.Parse(["--setting", "Redis:Options=Host=redis;Password=a=b"]).HostSettings["Redis:Options"]);

    [Fact]
    public void SeveralSettingsAddUp()
    {
        var settings = LoadOptions.Parse(["--setting", "A=1", "--setting", "B=2"]).HostSettings;

        Assert.Equal(new Dictionary<string, string> { ["A"] = "1", ["B"] = "2" }, settings);
    }

    [Theory]
    [InlineData("--turbo")]
    [InlineData("--modes", "embedded,cluster")]
    [InlineData("--setting", "NoEqualsSign")]
    [InlineData("--duration")]
    public void AnArgumentTheToolDoesNotUnderstandIsRejected(params string[] args) =>
        Assert.Throws<ArgumentException>(() => LoadOptions.Parse(args));
}
