using UptimeCoordinator.Domain.Services;
using UptimeCoordinator.Host.Clients;

namespace UptimeCoordinator.Host.Demo;

/// <summary>What demo mode seeds: a small shop's services, in dependency order, and three clients around the world.</summary>
internal static class DemoCatalog
{
    public static IReadOnlyList<ServiceDefinition> Services { get; } =
    [
        Service("database", "Customer database", "core", "PostgreSQL behind every customer-facing service."),
        Service("api", "Public API", "core", "The REST API the web shop and the apps call.", "database"),
        Service("checkout", "Checkout", "shop", "Basket, payment and order confirmation.", "api"),
        Service("search", "Product search", "shop", "Search and suggestions in the shop.", "api"),
        Service("email-gateway", "Email gateway", "messaging", "Order confirmations and newsletters."),
    ];

    /// <summary>The services in the order the simulated monitor breaks them, the one a newcomer notices first leading.</summary>
    public static IReadOnlyList<string> BreakOrder { get; } = ["checkout", "search", "database", "email-gateway", "api"];

    public static IReadOnlyList<DemoClient> Clients { get; } =
    [
        new("acme", "Acme Corp", "Europe/Berlin", "EUR", 1200m, 5000m, 99.9,
            [new("checkout", 1.0), new("search", 0.5)],
            [new("acme", "ops-bot", "Acme on-call bot"), new("acme", "status-feed", "Acme status feed")]),
        new("globex", "Globex Corporation", "America/New_York", "USD", 2500m, 12000m, 99.95,
            [new("api", 1.0), new("checkout", 1.0)],
            [new("globex", "ops-bot", "Globex on-call bot")]),
        new("initech", "Initech", "Asia/Tokyo", "JPY", 150000m, 800000m, 99.5,
            [new("search", 1.0), new("email-gateway", 0.8)],
            [new("initech", "it-desk", "Initech IT desk")]),
    ];

    public static DemoContact? FindContact(string clientId, string contactId) =>
        Clients.Where(c => c.Id == clientId).SelectMany(c => c.Contacts).FirstOrDefault(c => c.Id == contactId);

    private static ServiceDefinition Service(string id, string name, string group, string description, params string[] dependsOn) =>
        new(id, name, description, group, dependsOn, new DetectionPolicy(1, 1));
}
