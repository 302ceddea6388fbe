using UptimeCoordinator.Domain.Services;

namespace UptimeCoordinator.Domain.Tests.Services;

public sealed class ServiceDefinitionValidatorTests
{
    private static ServiceDefinition Valid => new("checkout-api", "Checkout API", null, "shop", ["db"], DetectionPolicy.Default);

    [Fact]
    public void ValidDefinitionHasNoErrors() => Assert.True(ServiceDefinitionValidator.Validate(Valid).IsValid);

    [Theory]
    [InlineData("Checkout")]
    [InlineData("-leading-dash")]
    [InlineData("has space")]
    [InlineData("")]
    [InlineData("a2345678901234567890123456789012345678901234567890123456789012345")]
    public void IdMustBeASlug(string id)
    {
        var errors = ServiceDefinitionValidator.Validate(Valid with { Id = id }).ToDictionary();

        Assert.Contains("id", errors.Keys);
    }

    [Theory]
    [InlineData("a")]
    [InlineData("db.primary_1")]
    [InlineData("a234567890123456789012345678901234567890123456789012345678901234")]
    public void SlugsUpTo64CharactersAreValidIds(string id) => Assert.True(ServiceId.IsValid(id));

    [Fact]
    public void NameIsRequired()
    {
        var errors = ServiceDefinitionValidator.Validate(Valid with { Name = " " }).ToDictionary();

        Assert.Equal(["is required"], errors["name"]);
    }

    [Theory]
    [InlineData("Checkout\r\nX-Injected: yes")]
    [InlineData("Checkout\u0000")]
    [InlineData("Checkout\u0085API")]
    public void NameAndGroupAreOneLine(string text)
    {
        var errors = ServiceDefinitionValidator.Validate(Valid with { Name = text, Group = text, Description = "Descriptions\nmay span lines." }).ToDictionary();

        Assert.Equal([SingleLineText.Refusal], errors["name"]);
        Assert.Equal([SingleLineText.Refusal], errors["group"]);
        Assert.Equal(2, errors.Count);
    }

    [Theory]
    [InlineData(0, 1, "detection.failureThreshold")]
    [InlineData(101, 1, "detection.failureThreshold")]
    [InlineData(1, 0, "detection.recoveryThreshold")]
    [InlineData(1, 101, "detection.recoveryThreshold")]
    public void ThresholdsMustBeBetweenOneAndOneHundred(int failure, int recovery, string field)
    {
        var errors = ServiceDefinitionValidator.Validate(Valid with { Detection = new DetectionPolicy(failure, recovery) }).ToDictionary();

        Assert.Equal([field], errors.Keys);
    }

    [Fact]
    public void DependingOnItselfOrTwiceOnTheSameServiceIsAnError()
    {
        var errors = ServiceDefinitionValidator.Validate(Valid with { DependsOn = ["checkout-api", "db", "db", "Not A Slug"] }).ToDictionary();

        Assert.Equal(["dependsOn[0]", "dependsOn[2]", "dependsOn[3]"], errors.Keys.Order());
    }
}
