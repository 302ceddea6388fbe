using UptimeCoordinator.Domain.Clients;
using UptimeCoordinator.Domain.Notices;

namespace UptimeCoordinator.Domain.Tests.Clients;

public sealed class ClientDefinitionValidatorTests
{
    private static readonly Contact Alice = new("alice", "Alice", "alice@acme.example", null, null, null, null, null, null);

    private static ClientDefinition Client(params Contact[] contacts) =>
        new("acme", "Acme", "Europe/Berlin", [new Subscription("db", 0.5)], contacts.Length > 0 ? contacts : [Alice]);

    private static Dictionary<string, string[]> Errors(ClientDefinition client, bool allowPrivate = false) =>
        ClientDefinitionValidator.Validate(client, allowPrivate).ToDictionary();

    [Fact]
    public void AValidClientHasNoErrors() => Assert.Empty(Errors(Client()));

    [Theory]
    [InlineData("Mars/Olympus")]
    [InlineData("")]
    [InlineData("CET1")]
    public void AnUnknownTimeZoneIsRefused(string zone) =>
        Assert.Contains("timeZone", Errors(Client() with { TimeZone = zone }).Keys);

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void AnImpactOutsideZeroToOneIsRefused(double impact) =>
        Assert.Contains("subscriptions[0].impact", Errors(Client() with { Subscriptions = [new Subscription("db", impact)] }).Keys);

    [Fact]
    public void ASubscriptionListedTwiceIsRefused() =>
        Assert.Contains("subscriptions[1].serviceId", Errors(Client() with { Subscriptions = [new("db", 1), new("db", 1)] }).Keys);

    [Theory]
    [InlineData("not-an-address")]
    [InlineData("Alice <alice@acme.example>")]
    [InlineData("alice@acme.example\r\nBcc: eve@evil.example")]
    public void AnEmailThatIsNotABareAddressIsRefused(string email) =>
        Assert.Contains("contacts[0].email", Errors(Client(Alice with { Email = email })).Keys);

    [Theory]
    [InlineData("ftp://hooks.acme.example/x")]
    [InlineData("/relative")]
    [InlineData("https://user:pw@hooks.acme.example/x")]
    public void AWebhookUrlThatIsNotAPlainHttpUrlIsRefused(string url) =>
        Assert.Contains("contacts[0].webhookUrl", Errors(Client(Alice with { WebhookUrl = url })).Keys);

    [Theory]
    [InlineData("http://127.0.0.1:9000/hook")]
    [InlineData("http://localhost/hook")]
    [InlineData("http://10.1.2.3/hook")]
    [InlineData("http://[::1]/hook")]
    public void PrivateWebhookTargetsAreRefusedUnlessAllowed(string url)
    {
        var client = Client(Alice with { WebhookUrl = url, SlackWebhookUrl = url });

        var errors = Errors(client);
        Assert.Contains("contacts[0].webhookUrl", errors.Keys);
        Assert.Contains("contacts[0].slackWebhookUrl", errors.Keys);
        Assert.Contains("AllowPrivateNetworks", errors["contacts[0].webhookUrl"][0], StringComparison.Ordinal);
        Assert.Empty(Errors(client, allowPrivate: true));
    }

    [Fact]
    public void AContactWithoutAnyChannelIsRefused() =>
        Assert.Contains("contacts[0]", Errors(Client(Alice with { Email = null })).Keys);

    [Fact]
    public void ASecretWithoutAWebhookOrTooShortIsRefused()
    {
        Assert.Contains("contacts[0].webhookSecret", Errors(Client(Alice with { WebhookSecret = "long-enough-secret" })).Keys);
        Assert.Contains("contacts[0].webhookSecret", Errors(Client(Alice with { WebhookUrl = "https://h.example/x", WebhookSecret = "short" })).Keys);
    }

    [Fact]
    public void ContactIdsMustBeUniqueSlugs()
    {
        var errors = Errors(Client(Alice, Alice, Alice with { Id = "Not A Slug" }));

        Assert.Contains("contacts[1].id", errors.Keys);
        Assert.Contains("contacts[2].id", errors.Keys);
    }

    [Fact]
    public void NamesWithLineBreaksAreRefused() =>
        Assert.Contains("contacts[0].name", Errors(Client(Alice with { Name = "Alice\r\nBcc: eve@evil.example" })).Keys);

    [Fact]
    public void ResubmittingAContactWithoutItsSecretKeepsTheStoredOne()
    {
        var stored = Client(Alice with { WebhookUrl = "https://h.example/x", WebhookSecret = "whsec_c2VjcmV0" });
        var submitted = Client(Alice with { WebhookUrl = "https://h.example/y" }, Alice with { Id = "bob", WebhookUrl = "https://h.example/z" });

        var kept = ClientSecrets.KeepOmitted(submitted, stored);

        Assert.Equal("whsec_c2VjcmV0", kept.Contacts[0].WebhookSecret);
        Assert.Null(kept.Contacts[1].WebhookSecret);
    }

    [Fact]
    public void EveryNoticeKindHasAWireNameThatParsesBack()
    {
        foreach (var kind in Enum.GetValues<NoticeKind>())
        {
            Assert.True(NoticeKinds.TryParse(kind.WireName(), out var parsed));
            Assert.Equal(kind, parsed);
        }
    }
}
