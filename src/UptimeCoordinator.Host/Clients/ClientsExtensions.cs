using UptimeCoordinator.Grains.Notices;

namespace UptimeCoordinator.Host.Clients;

public static class ClientsExtensions
{
    public const string AllowPrivateNetworksKey = "Notifications:Webhooks:AllowPrivateNetworks";

    /// <summary>Clients' notices: the delivery workers on this silo and the SSRF policy the API checks contacts against.</summary>
    public static WebApplicationBuilder AddClientNotices(this WebApplicationBuilder builder)
    {
        var allowByDefault = builder.Environment.IsDevelopment();
        builder.Services.AddClientNotices(builder.Configuration, allowByDefault);
        builder.Services.AddSingleton(new WebhookTargetPolicy(builder.Configuration.GetValue(AllowPrivateNetworksKey, allowByDefault)));
        return builder;
    }
}
