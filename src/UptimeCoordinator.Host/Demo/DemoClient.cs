using UptimeCoordinator.Host.Clients;

namespace UptimeCoordinator.Host.Demo;

/// <summary>A seeded client: what the demo varies between clients, the rest left to the API's defaults.</summary>
internal sealed record DemoClient(
    string Id,
    string Name,
    string TimeZone,
    string Currency,
    decimal CostPerHour,
    decimal MonthlyFee,
    double TargetPercent,
    SubscriptionRequest[] Subscriptions,
    DemoContact[] Contacts)
{
    /// <summary>The client's key in appsettings.Development.json, which opens its status page.</summary>
    public string ApiKey => $"demo-client-{Id}-key";

    /// <summary>
    /// The body an ops user would PUT. The cost profile leaves <c>weeklyUsage</c> out, so it takes the
    /// working-hours curve, priced in the client's own time zone.
    /// </summary>
    public ClientRequest ToRequest(Uri baseUrl) => new(
        Id,
        Name,
        TimeZone,
        Subscriptions,
        [.. Contacts.Select(c => new ContactRequest(
            c.Id, c.Name, null, baseUrl.ToString().TrimEnd('/') + c.InboxPath, c.WebhookSecret, null, null, null, null))],
        new CostProfileRequest(Currency, CostPerHour, null, null),
        new SlaRequest(TargetPercent, null, null, new MoneyRequest(MonthlyFee, Currency), null, null));
}
