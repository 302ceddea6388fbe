using System.Text;
using UptimeCoordinator.LoadTest.Receiving;

namespace UptimeCoordinator.LoadTest.Tests.Units;

/// <summary>The receiver reads only the type at the head of the coordinator's envelope.</summary>
public sealed class DeliveryReceiverTypeOfTests
{
    [Theory]
    [InlineData("""{"type":"incident.detected","id":"evt_1","data":{"service":"svc-1"}}""", "incident.detected")]
    [InlineData("""{"type":"incident.resolved"}""", "incident.resolved")]
    public void TheTypeIsTheStringThatOpensTheEnvelope(string body, string type) =>
        Assert.Equal(type, DeliveryReceiver.TypeOf(Encoding.UTF8.GetBytes(body)));

    [Theory]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("""{"id":"evt_1","type":"incident.detected"}""")]
    [InlineData("""{"status":"firing","groupKey":"{}:{service=\"svc-1\"}"}""")]
    [InlineData("""{"type":"incident.detected""")]
    public void ABodyThatDoesNotOpenWithACompleteTypeHasNone(string body) =>
        Assert.Equal("", DeliveryReceiver.TypeOf(Encoding.UTF8.GetBytes(body)));
}
