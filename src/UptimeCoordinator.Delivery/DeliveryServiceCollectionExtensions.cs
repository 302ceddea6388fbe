using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using UptimeCoordinator.Delivery.Dispatching;
using UptimeCoordinator.Delivery.Email;
using UptimeCoordinator.Delivery.Webhooks;

namespace UptimeCoordinator.Delivery;

/// <summary>Wires notice delivery into a host.</summary>
public static class DeliveryServiceCollectionExtensions
{
    /// <summary>
    /// Registers the <see cref="INoticeDispatcher"/> (also a hosted service), its email, webhook and
    /// Slack channels and their options from <c>Notifications:Smtp</c>, <c>Notifications:Webhooks</c>
    /// and <c>Notifications:Delivery</c>, validated at start. The caller registers the
    /// <see cref="IDeliveryOutcomeSink"/>; a <see cref="TimeProvider"/> is added only when missing.
    /// </summary>
    /// <param name="allowPrivateNetworksByDefault">
    /// <c>Notifications:Webhooks:AllowPrivateNetworks</c> when the configuration does not say: true in
    /// Development, false anywhere else.
    /// </param>
    public static IServiceCollection AddNoticeDelivery(
        this IServiceCollection services, IConfiguration configuration, bool allowPrivateNetworksByDefault)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        if (services.Any(s => s.ServiceType == typeof(NoticeDispatcher)))
        {
            return services;
        }

        services.AddOptions<SmtpOptions>().Bind(configuration.GetSection(SmtpOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SmtpOptions>, SmtpOptionsValidator>();
        services.AddOptions<WebhookOptions>()
            .Configure(o => o.AllowPrivateNetworks = allowPrivateNetworksByDefault)
            .Bind(configuration.GetSection(WebhookOptions.SectionName))
            .ValidateOnStart();
        services.AddOptions<DeliveryOptions>().Bind(configuration.GetSection(DeliveryOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DeliveryOptions>, DeliveryOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton<PrivateNetworkGuard>();
        services.AddHttpClient(HttpNoticePoster.ClientName, client =>
            {
                // The attempt timeout of the delivery pipeline governs; HttpClient's own would cut it short.
                client.Timeout = Timeout.InfiniteTimeSpan;
                client.DefaultRequestHeaders.UserAgent.ParseAdd("UptimeCoordinator-Notices/1.0");
            })
            .ConfigurePrimaryHttpMessageHandler(provider => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                // A proxy would resolve the host itself, past the guard below.
                UseProxy = false,
                UseCookies = false,
                // The call is traced (a span in the event's trace), but HttpClient adds no headers of its own.
                // With tracing on, OpenTelemetry's HttpClient instrumentation still sends the W3C traceparent:
                // a random trace id, which tells the receiver nothing about us.
                ActivityHeadersPropagator = DistributedContextPropagator.CreateNoOutputPropagator(),
                ConnectCallback = provider.GetRequiredService<PrivateNetworkGuard>().ConnectAsync,
            })
            // The factory's loggers write full URLs, and a Slack URL's path is its token.
            .RemoveAllLoggers();
        services.AddSingleton<HttpNoticePoster>();

        services.AddSingleton<IDeliveryChannel, EmailChannel>();
        services.AddSingleton<IDeliveryChannel, WebhookChannel>();
        services.AddSingleton<IDeliveryChannel, SlackChannel>();
        services.AddSingleton<DeliveryPipelines>();
        services.AddSingleton<NoticeSender>();
        services.AddSingleton<OutcomeReporter>();
        services.AddSingleton<NoticeDispatcher>();
        services.AddSingleton<INoticeDispatcher>(provider => provider.GetRequiredService<NoticeDispatcher>());
        services.AddHostedService(provider => provider.GetRequiredService<NoticeDispatcher>());
        return services;
    }
}
