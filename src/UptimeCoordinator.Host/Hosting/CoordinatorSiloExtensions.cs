using System.Net;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Dashboard;
using Orleans.Persistence;
using Orleans.Providers;
using Orleans.Serialization;
using Orleans.Storage;
using StackExchange.Redis;
using UptimeCoordinator.Contracts.Changes;
using UptimeCoordinator.Domain.Time;
using UptimeCoordinator.Domain.Clients;
using UptimeCoordinator.Domain.Maintenance;
using UptimeCoordinator.Grains.Costs;
using UptimeCoordinator.Grains.Incidents;
using UptimeCoordinator.Grains.Maintenance;
using UptimeCoordinator.Grains.Notices;

namespace UptimeCoordinator.Host.Hosting;

/// <summary>
/// The Orleans silo co-hosted with the API. This is the one place that chooses between the embedded
/// single node and a Redis-backed cluster.
/// </summary>
public static class CoordinatorSiloExtensions
{
    public const string DefaultClusterId = "uptime-coordinator";

    /// <summary>
    /// Adds the silo and the host's shutdown timeout. Call it before anything that needs the silo
    /// while stopping, such as the notice dispatcher (<c>AddClientNotices</c>): hosted services stop in
    /// reverse order of registration, so the silo then leaves the cluster after they are done.
    /// </summary>
    public static WebApplicationBuilder AddCoordinatorSilo(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var redis = configuration.GetConnectionString("Redis");
        var clusterId = configuration["Orleans:ClusterId"] ?? DefaultClusterId;
        var serviceId = configuration["Orleans:ServiceId"] ?? DefaultClusterId;
        var siloPort = configuration.GetValue("Orleans:SiloPort", EndpointOptions.DEFAULT_SILO_PORT);
        var gatewayPort = configuration.GetValue("Orleans:GatewayPort", EndpointOptions.DEFAULT_GATEWAY_PORT);

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddCoordinatorShutdown(configuration);
        builder.Services.AddOptions<IncidentOptions>().Configure(options =>
        {
            options.ReopenWindow = Duration(configuration, "Incidents:ReopenWindow", options.ReopenWindow);
            options.UpdateReminderInterval = Duration(configuration, "Incidents:UpdateReminderInterval", options.UpdateReminderInterval);
            options.RespondersClientId = configuration["Incidents:RespondersClientId"] is { Length: > 0 } responders ? responders : null;
        })
            .Validate(o => o.UpdateReminderInterval > TimeSpan.Zero, "Incidents:UpdateReminderInterval must be longer than zero: it is how often responders are nudged.")
            .Validate(o => o.RespondersClientId is null || ClientId.IsValid(o.RespondersClientId), "Incidents:RespondersClientId must be a client id (a slug).")
            .ValidateOnStart();
        builder.Services.AddOptions<NotificationOptions>().Configure(options =>
        {
            options.FollowUpDelay = Duration(configuration, "Notifications:FollowUpDelay", options.FollowUpDelay);
            options.SurveyDelay = Duration(configuration, "Notifications:SurveyDelay", options.SurveyDelay);
            options.PublicBaseUrl = configuration["Notifications:PublicBaseUrl"] is { Length: > 0 } url ? url : options.PublicBaseUrl;
        })
            .Validate(
                o => Uri.TryCreate(o.PublicBaseUrl, UriKind.Absolute, out var url) && url.Scheme is "http" or "https",
                "Notifications:PublicBaseUrl must be an absolute http or https URL: follow-up and survey links start with it.")
            .ValidateOnStart();

        builder.Services.AddOptions<MaintenanceOptions>().Configure(options =>
        {
            // A comma-separated string (environment variables, the command line) or a JSON array (appsettings).
            var section = configuration.GetSection("Maintenance:DefaultNoticeLeadTimes");
            string[] leads = section.Value is { Length: > 0 } list
                ? list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                : [.. section.GetChildren().Select(c => c.Value ?? "")];
            if (leads.Length > 0)
            {
                options.DefaultNoticeLeadTimes = [.. leads.Select(lead => IsoDuration.TryParse(lead, out var d) ? d : TimeSpan.MinValue)];
            }

            options.MaxDuration = Duration(configuration, "Maintenance:MaxDuration", options.MaxDuration);
        })
            .Validate(
                o => o.DefaultNoticeLeadTimes.All(lead => lead > TimeSpan.Zero && lead <= MaintenancePlanRules.MaxLeadTime),
                "Maintenance:DefaultNoticeLeadTimes must be ISO 8601 durations longer than zero and at most P30D, comma-separated (P3D,P1D,PT1H) or a JSON array.")
            .Validate(o => o.MaxDuration > TimeSpan.Zero, "Maintenance:MaxDuration must be longer than zero.")
            .ValidateOnStart();
        builder.Services.AddSingleton<IMaintenanceHistory, MaintenanceIndexHistory>();

        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (clusterId, serviceId));
            ConfigureMembership(silo, configuration);
            if (string.IsNullOrWhiteSpace(redis))
            {
                silo.UseLocalhostClustering(siloPort, gatewayPort, serviceId: serviceId, clusterId: clusterId);
                silo.AddMemoryGrainStorageAsDefault();
                silo.AddMemoryGrainStorage(ProviderConstants.DEFAULT_PUBSUB_PROVIDER_NAME, (OptionsBuilder<MemoryGrainStorageOptions> o) =>
                    o.Configure<Serializer>(UseOrleansSerializer));
                silo.UseInMemoryReminderService();
            }
            else
            {
                var options = ConfigurationOptions.Parse(redis);
                silo.UseRedisClustering(o => o.ConfigurationOptions = options);
                silo.AddRedisGrainStorageAsDefault(o => o.ConfigurationOptions = options);

                // Stream subscriptions outlive the silo that hosts the pub-sub grain.
                silo.AddRedisGrainStorage(ProviderConstants.DEFAULT_PUBSUB_PROVIDER_NAME, (OptionsBuilder<RedisStorageOptions> o) =>
                    o.Configure<Serializer>((pubSub, serializer) =>
                    {
                        pubSub.ConfigurationOptions = options;
                        UseOrleansSerializer(pubSub, serializer);
                    }));
                silo.UseRedisReminderService(o => o.ConfigurationOptions = options);
                silo.ConfigureEndpoints(AdvertisedAddress(configuration), siloPort, gatewayPort, listenOnAnyHostAddress: true);

                // On Kubernetes (k8s/): pods of dead silos are declared dead at once, and silo names follow pods. An
                // explicit switch, not detection: without the Role, Orleans' agent retries for ever at startup.
                if (configuration.GetValue("Orleans:KubernetesHosting", false))
                {
                    silo.UseKubernetesHosting();
                }
            }

            if (configuration.GetValue("Dashboard:Enabled", true))
            {
                silo.AddDashboard();
            }

            // Grain calls carry the caller's trace, so one trace follows an event from HTTP through the grains; only
            // when traces are exported, since the filters cost every grain call.
            if (CoordinatorTelemetryExtensions.ExportsTraces(configuration))
            {
                silo.AddActivityPropagation();
            }

            // The cluster-wide live change stream: grains publish, every host subscribes (Stream/ChangeStreamSubscriber).
            silo.AddMemoryStreams(ChangeStream.ProviderName);

            // Chosen before anything is persisted: stored JSON without CLR type names survives renames.
            silo.UseSystemTextJsonGrainStorageSerializer();
        });

        var mode = string.IsNullOrWhiteSpace(redis)
            ? new CoordinatorMode(false, $"embedded single node: localhost clustering (silo port {siloPort}, gateway port {gatewayPort}), in-memory grain storage and reminders; state is lost on exit")
            : new CoordinatorMode(true, $"Redis cluster '{clusterId}' at {string.Join(", ", ConfigurationOptions.Parse(redis).EndPoints.Select(Describe))}: Redis clustering, grain storage and reminders (silo port {siloPort}, gateway port {gatewayPort})");
        builder.Services.AddSingleton(mode);
        builder.Services.AddHostedService<CoordinatorModeReporter>();
        return builder;
    }

    /// <summary>
    /// Failure detection tuned so that a silo killed outright is declared dead within 10 s (measured in
    /// SiloLossTests; see docs/reliability.md): with Orleans' defaults (5 s probes, 3 missed) it took
    /// 20-30 s, during which calls to the grains it hosted failed. <c>Orleans:Membership:*</c>
    /// overrides any <see cref="ClusterMembershipOptions"/> property.
    /// </summary>
    private static void ConfigureMembership(ISiloBuilder silo, IConfiguration configuration)
    {
        silo.Configure<ClusterMembershipOptions>(o =>
        {
            o.ProbeTimeout = TimeSpan.FromSeconds(2);
            o.NumMissedProbesLimit = 3;
            o.NumVotesForDeathDeclaration = 2;

            // Votes older than this are ignored; with 2 s probes a vote is renewed long before it expires.
            o.DeathVoteExpirationTimeout = TimeSpan.FromSeconds(30);
            o.TableRefreshTimeout = TimeSpan.FromSeconds(10);
        });
        silo.Configure<ClusterMembershipOptions>(configuration.GetSection(MembershipSection));

        // Bounds how long an API request waits on a grain that does not answer (a stalled storage
        // write): past it the call fails and the gateway answers 503 (Errors/ClusterTrouble).
        silo.Configure<SiloMessagingOptions>(configuration.GetSection(MessagingSection));
    }

    public const string MembershipSection = "Orleans:Membership";

    public const string MessagingSection = "Orleans:Messaging";

    // Stream pub-sub state is Orleans' own types, which the JSON grain storage serializer writes but cannot read back.
    private static void UseOrleansSerializer(IStorageProviderSerializerOptions options, Serializer serializer) =>
        options.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer);

    private static TimeSpan Duration(IConfiguration configuration, string key, TimeSpan fallback)
    {
        var text = configuration[key];
        if (text is null)
        {
            return fallback;
        }

        return IsoDuration.TryParse(text, out var value) && value >= TimeSpan.Zero
            ? value
            : throw new InvalidOperationException($"Configuration '{key}' must be an ISO 8601 duration such as PT15M, not '{text}'.");
    }

    // DnsEndPoint.ToString() reads "Unspecified/host:port"; operators expect host:port.
    private static string Describe(EndPoint endpoint) => endpoint switch
    {
        DnsEndPoint dns => $"{dns.Host}:{dns.Port}",
        _ => endpoint.ToString() ?? "",
    };

    // The address other silos use to reach this one: the pod IP in Kubernetes, loopback on one machine.
    private static IPAddress AdvertisedAddress(IConfiguration configuration) =>
        IPAddress.TryParse(configuration["Orleans:AdvertisedIPAddress"] ?? configuration["POD_IP"], out var address)
            ? address
            : IPAddress.Loopback;
}
