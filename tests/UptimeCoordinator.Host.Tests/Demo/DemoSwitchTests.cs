using Microsoft.Extensions.Configuration;
using UptimeCoordinator.Host.Demo;

namespace UptimeCoordinator.Host.Tests.Demo;

public sealed class DemoSwitchTests
{
    [Fact]
    public void DemoSwitchBecomesTheEnabledSettingAndLeavesOtherArgumentsAlone()
    {
        var args = DemoSwitch.Translate(["--urls", "http://localhost:5080", "--demo"]);

        Assert.Equal(["--urls", "http://localhost:5080", "--Demo:Enabled=true"], args);
    }

    [Fact]
    public void SwitchReadByTheCommandLineProviderEnablesDemoMode()
    {
        var configuration = new ConfigurationBuilder().AddCommandLine(DemoSwitch.Translate(["--demo"])).Build();
        var options = new DemoOptions();

        DemoOptions.Bind(configuration, options);

        Assert.True(options.Enabled);
    }
}
