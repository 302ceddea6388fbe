using System.Security.Claims;
using UptimeCoordinator.Host.Integrations.PagerDuty;

namespace UptimeCoordinator.Host.Tests.Integrations.PagerDuty;

/// <summary>Who may post PagerDuty events: a monitor or ops key, in the headers or as the routing_key.</summary>
public sealed class PagerDutyAuthorizerTests
{
    private static readonly Dictionary<string, string> Keys = new()
    {
        ["monitor-key"] = "monitor",
        ["ops-key"] = "ops",
        ["client-key"] = "client:acme",
    };

    private static readonly ClaimsPrincipal Anonymous = new(new ClaimsIdentity());

    private static ClaimsPrincipal Authenticated(string role) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Role, role)], "ApiKey", ClaimTypes.Name, ClaimTypes.Role));

    [Theory]
    [InlineData("monitor-key")]
    [InlineData("ops-key")]
    public void MonitorOrOpsKeyAsRoutingKeyIsAllowed(string routingKey) =>
        Assert.Equal(PagerDutyAccess.Allowed, PagerDutyAuthorizer.Authorize(Anonymous, routingKey, Keys));

    [Theory]
    [InlineData("monitor")]
    [InlineData("ops")]
    public void MonitorOrOpsKeyInTheHeadersIsAllowedWhateverTheRoutingKey(string role) =>
        Assert.Equal(PagerDutyAccess.Allowed, PagerDutyAuthorizer.Authorize(Authenticated(role), "e93facc04764012d7bfb002500d5d1a6", Keys));

    [Fact]
    public void UnknownRoutingKeyWithoutHeadersIsUnauthorized() =>
        Assert.Equal(PagerDutyAccess.Unauthorized, PagerDutyAuthorizer.Authorize(Anonymous, "e93facc04764012d7bfb002500d5d1a6", Keys));

    [Fact]
    public void NoCredentialAtAllIsUnauthorized() =>
        Assert.Equal(PagerDutyAccess.Unauthorized, PagerDutyAuthorizer.Authorize(Anonymous, null, Keys));

    [Fact]
    public void ClientKeyAsRoutingKeyIsForbidden() =>
        Assert.Equal(PagerDutyAccess.Forbidden, PagerDutyAuthorizer.Authorize(Anonymous, "client-key", Keys));

    [Fact]
    public void ClientKeyInTheHeadersIsForbidden() =>
        Assert.Equal(PagerDutyAccess.Forbidden, PagerDutyAuthorizer.Authorize(Authenticated("client"), null, Keys));

    [Fact]
    public void ClientKeyInTheHeadersWithAMonitorRoutingKeyIsAllowed() =>
        Assert.Equal(PagerDutyAccess.Allowed, PagerDutyAuthorizer.Authorize(Authenticated("client"), "monitor-key", Keys));
}
