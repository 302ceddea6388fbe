using UptimeCoordinator.Host.Demo;

namespace UptimeCoordinator.Host.Tests.Demo;

public sealed class DemoInboxStoreTests
{
    [Fact]
    public void InboxKeepsTheNewestTwoHundredNewestFirst()
    {
        var inbox = new DemoInbox();

        for (var i = 0; i < DemoInbox.Capacity + 5; i++)
        {
            inbox.Add(Entry($"notice-{i}"));
        }

        var entries = inbox.Snapshot();
        Assert.Equal(DemoInbox.Capacity, entries.Count);
        Assert.Equal($"notice-{DemoInbox.Capacity + 4}", entries[0].WebhookId);
        Assert.Equal("notice-5", entries[^1].WebhookId);
    }

    [Fact]
    public void RetryOfAWebhookAlreadyReceivedIsKeptOnce()
    {
        var inbox = new DemoInbox();

        var first = inbox.Add(Entry("notice-1"));
        var retry = inbox.Add(Entry("notice-1"));
        var otherContact = inbox.Add(Entry("notice-1") with { ContactId = "status-feed" });

        Assert.Equal((true, false, true), (first, retry, otherContact));
        Assert.Equal(2, inbox.Snapshot().Count);
    }

    private static DemoInboxEntry Entry(string webhookId) =>
        new(DateTimeOffset.UnixEpoch, "acme", "ops-bot", webhookId, "incident.detected", "t", "s", "{}");
}
