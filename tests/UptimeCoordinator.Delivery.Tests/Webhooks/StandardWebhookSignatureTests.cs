using System.Security.Cryptography;
using System.Text;
using UptimeCoordinator.Delivery.Webhooks;

namespace UptimeCoordinator.Delivery.Tests.Webhooks;

public sealed class StandardWebhookSignatureTests
{
    [Fact]
    public void SignatureMatchesTheStandardWebhooksExample() => Assert.Equal(
        "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
        StandardWebhookSignature.Sign(
            "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, """{"test": 2432232314}""", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"));

    [Fact]
    public void APlainSecretIsUsedAsItsUtf8Bytes()
    {
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes("pässwort"), Encoding.UTF8.GetBytes("id-1.42.{}"));

        Assert.Equal("v1," + Convert.ToBase64String(expected), StandardWebhookSignature.Sign("id-1", 42, "{}", "pässwort"));
    }

    [Fact]
    public void AStandardSecretWhoseKeyIsNotBase64IsRefused() =>
        Assert.Throws<FormatException>(() => StandardWebhookSignature.Sign("id-1", 42, "{}", "whsec_***"));
}
