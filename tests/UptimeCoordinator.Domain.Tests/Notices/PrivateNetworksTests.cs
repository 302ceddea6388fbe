using System.Net;
using UptimeCoordinator.Domain.Notices;

namespace UptimeCoordinator.Domain.Tests.Notices;

public sealed class PrivateNetworksTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.255.255.254")]
    [InlineData("10.1.2.3")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.255")]
    [InlineData("192.168.1.1")]
    [InlineData("169.254.169.254")]
    [InlineData("100.64.0.1")]
    [InlineData("100.127.255.255")]
    [InlineData("0.0.0.0")]
    [InlineData("0.1.2.3")]
    [InlineData("224.0.0.1")]
    [InlineData("239.255.255.250")]
    [InlineData("255.255.255.255")]
    [InlineData("240.0.0.1")]
    [InlineData("192.0.2.10")]
    [InlineData("198.18.0.1")]
    [InlineData("::")]
    [InlineData("::1")]
    [InlineData("fe80::1")]
    [InlineData("febf::1")]
    [InlineData("fec0::1")]
    [InlineData("fc00::1")]
    [InlineData("fd12:3456:789a::1")]
    [InlineData("ff02::1")]
    [InlineData("2001:db8::1")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("::ffff:10.0.0.1")]
    [InlineData("::ffff:169.254.169.254")]
    [InlineData("::127.0.0.1")]
    [InlineData("64:ff9b::a00:1")]
    [InlineData("2002:c0a8:0101::1")]
    public void PrivateLoopbackAndReservedAddressesArePrivate(string address) =>
        Assert.True(PrivateNetworks.IsPrivate(IPAddress.Parse(address)));

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("1.1.1.1")]
    [InlineData("93.184.216.34")]
    [InlineData("172.15.255.255")]
    [InlineData("172.32.0.1")]
    [InlineData("100.63.255.255")]
    [InlineData("100.128.0.1")]
    [InlineData("169.253.0.1")]
    [InlineData("192.169.0.1")]
    [InlineData("223.255.255.254")]
    [InlineData("2606:4700:4700::1111")]
    [InlineData("2a00:1450:4001:80b::200e")]
    [InlineData("::ffff:8.8.8.8")]
    [InlineData("64:ff9b::808:808")]
    [InlineData("2002:0808:0808::1")]
    public void PublicUnicastAddressesAreNotPrivate(string address) =>
        Assert.False(PrivateNetworks.IsPrivate(IPAddress.Parse(address)));

    [Theory]
    [InlineData("http://localhost:8080/hook")]
    [InlineData("https://LOCALHOST/hook")]
    [InlineData("https://api.localhost/hook")]
    [InlineData("https://localhost./hook")]
    [InlineData("http://127.0.0.1/hook")]
    [InlineData("http://10.0.0.5:9000/hook")]
    [InlineData("http://169.254.169.254/latest/meta-data")]
    [InlineData("http://[::1]:5000/hook")]
    [InlineData("http://[fe80::1]/hook")]
    [InlineData("http://[::ffff:192.168.0.1]/hook")]
    [InlineData("http://0.0.0.0/hook")]
    public void UrlsNamingAPrivateHostAreRefused(string url) =>
        Assert.NotNull(PrivateNetworks.RefusalFor(new Uri(url)));

    [Theory]
    [InlineData("https://hooks.example.com/notify")]
    [InlineData("https://hooks.slack.com/services/T000/B000/XXXX")]
    [InlineData("http://8.8.8.8/hook")]
    [InlineData("https://[2606:4700:4700::1111]/hook")]
    [InlineData("https://localhost.example.com/hook")]
    public void UrlsNamingAPublicHostAreAccepted(string url) =>
        Assert.Null(PrivateNetworks.RefusalFor(new Uri(url)));

    [Fact]
    public void TheRefusalNamesTheHostButNotThePath()
    {
        var reason = PrivateNetworks.RefusalFor(new Uri("http://10.0.0.5/secret-token"));

        Assert.NotNull(reason);
        Assert.Contains("10.0.0.5", reason, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-token", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ARelativeUrlIsRefused() =>
        Assert.NotNull(PrivateNetworks.RefusalFor(new Uri("/hook", UriKind.Relative)));
}
