using System.Text;
using UptimeCoordinator.Host.Integrations.Grafana;

namespace UptimeCoordinator.Host.Tests.Integrations.Grafana;

/// <summary>
/// Grafana's webhook HMAC. The expected signatures were computed independently with
/// <c>openssl dgst -sha256 -hmac grafana-test-secret</c>, over the body and over <c>1700000000:</c> + body.
/// </summary>
public sealed class GrafanaSignatureTests
{
    private const string Secret = "grafana-test-secret";
    private const string BodySignature = "849fa0ad45f59ab12f03907b6fb6905149b9b469d85448c336ece99264ddf2e1";
    private const string TimestampedSignature = "ba22876200ba4773078bbeb9579ccf83fa70effa44040e9b14257671292f356d";
    private const string Timestamp = "1700000000";
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"version":"1","alerts":[]}""");
    private static readonly DateTimeOffset SignedAt = DateTimeOffset.FromUnixTimeSeconds(1700000000);

    [Fact]
    public void SignatureOverTheBodyIsValid() =>
        Assert.Equal(SignatureCheck.Valid, GrafanaSignature.Verify(Body, Secret, BodySignature, false, null, SignedAt));

    [Fact]
    public void UpperCaseHexIsTheSameSignature() =>
        Assert.Equal(SignatureCheck.Valid, GrafanaSignature.Verify(Body, Secret, BodySignature.ToUpperInvariant(), false, null, SignedAt));

    [Fact]
    public void SignatureOfAnotherBodyIsInvalid()
    {
        var tampered = Encoding.UTF8.GetBytes("""{"version":"1","alerts":[ ]}""");

        Assert.Equal(SignatureCheck.Invalid, GrafanaSignature.Verify(tampered, Secret, BodySignature, false, null, SignedAt));
    }

    [Fact]
    public void SignatureWithAnotherSecretIsInvalid() =>
        Assert.Equal(SignatureCheck.Invalid, GrafanaSignature.Verify(Body, "another-secret", BodySignature, false, null, SignedAt));

    [Fact]
    public void SignatureThatIsNotHexIsInvalid() =>
        Assert.Equal(SignatureCheck.Invalid, GrafanaSignature.Verify(Body, Secret, "sha256=" + BodySignature, false, null, SignedAt));

    [Fact]
    public void NoSignatureIsMissing() =>
        Assert.Equal(SignatureCheck.Missing, GrafanaSignature.Verify(Body, Secret, "", false, null, SignedAt));

    [Fact]
    public void SignatureOverTimestampAndBodyIsValidWhenATimestampHeaderIsConfigured() =>
        Assert.Equal(SignatureCheck.Valid, GrafanaSignature.Verify(Body, Secret, TimestampedSignature, true, Timestamp, SignedAt.AddMinutes(4)));

    [Fact]
    public void SignatureOverTheBodyAloneIsInvalidWhenATimestampIsExpected() =>
        Assert.Equal(SignatureCheck.Invalid, GrafanaSignature.Verify(Body, Secret, BodySignature, true, Timestamp, SignedAt));

    [Fact]
    public void TimestampedSignatureWithoutItsTimestampIsMissing() =>
        Assert.Equal(SignatureCheck.Missing, GrafanaSignature.Verify(Body, Secret, TimestampedSignature, true, null, SignedAt));

    [Fact]
    public void TimestampOtherThanTheSignedOneIsInvalid() =>
        Assert.Equal(SignatureCheck.Invalid, GrafanaSignature.Verify(Body, Secret, TimestampedSignature, true, "1700000001", SignedAt));

    [Theory]
    [InlineData(-6)]
    [InlineData(6)]
    public void TimestampMoreThanFiveMinutesFromNowHasExpired(int minutes) =>
        Assert.Equal(SignatureCheck.Expired, GrafanaSignature.Verify(Body, Secret, TimestampedSignature, true, Timestamp, SignedAt.AddMinutes(minutes)));
}
