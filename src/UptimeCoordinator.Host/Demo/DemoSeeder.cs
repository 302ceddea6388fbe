using UptimeCoordinator.Contracts.Clients;
using UptimeCoordinator.Contracts.Services;
using UptimeCoordinator.Domain;
using UptimeCoordinator.Domain.Services;
using UptimeCoordinator.Host.Clients;

namespace UptimeCoordinator.Host.Demo;

/// <summary>
/// Defines the <see cref="DemoCatalog"/> through the validators and grain calls the API uses, so
/// demo data obeys the same rules as data ops enter. Defining is idempotent: running it again (a
/// restart with Redis) replaces each definition with itself.
/// </summary>
internal sealed class DemoSeeder(IGrainFactory grains, WebhookTargetPolicy targets)
{
    public async Task<DemoSeedResult> SeedAsync(Uri baseUrl)
    {
        var (created, updated) = (0, 0);
        foreach (var service in DemoCatalog.Services)
        {
            var outcome = await DefineServiceAsync(service);
            (created, updated) = outcome == DefineServiceOutcome.Created ? (created + 1, updated) : (created, updated + 1);
        }

        foreach (var client in DemoCatalog.Clients)
        {
            var outcome = await DefineClientAsync(client, baseUrl);
            (created, updated) = outcome == DefineClientOutcome.Created ? (created + 1, updated) : (created, updated + 1);
        }

        return new DemoSeedResult(created, updated);
    }

    private async Task<DefineServiceOutcome> DefineServiceAsync(ServiceDefinition service)
    {
        Refuse($"service '{service.Id}'", ServiceDefinitionValidator.Validate(service));
        var spec = new ServiceSpec(service.Name, service.Description, service.Group, [.. service.DependsOn],
            new DetectionSettings(service.Detection.FailureThreshold, service.Detection.RecoveryThreshold));
        var result = await grains.GetGrain<IServiceGrain>(service.Id).DefineAsync(spec);
        if (result.Outcome == DefineServiceOutcome.Rejected)
        {
            throw new DemoDataRefusedException(
                $"Demo mode could not define service '{service.Id}': unknown dependencies [{string.Join(", ", result.Dependencies.UnknownServices)}], " +
                $"cycle [{string.Join(" -> ", result.Dependencies.Cycle)}].");
        }

        return result.Outcome;
    }

    private async Task<DefineClientOutcome> DefineClientAsync(DemoClient client, Uri baseUrl)
    {
        var errors = new ValidationErrors();
        var spec = ClientRequestMapper.Map(client.Id, client.ToRequest(baseUrl), targets.AllowPrivateNetworks, errors);
        Refuse($"client '{client.Id}'", errors);
        var result = await grains.GetGrain<IClientGrain>(client.Id).DefineAsync(spec!);
        if (result.Outcome == DefineClientOutcome.UnknownServices)
        {
            throw new DemoDataRefusedException(
                $"Demo mode could not define client '{client.Id}': unknown services [{string.Join(", ", result.UnknownServices)}].");
        }

        return result.Outcome;
    }

    // Demo data is fixed, so a refusal means the rules moved (or private webhook targets were switched off): say which.
    private static void Refuse(string what, ValidationErrors errors)
    {
        if (!errors.IsValid)
        {
            var details = errors.ToDictionary().Select(e => $"{e.Key}: {string.Join("; ", e.Value)}");
            throw new DemoDataRefusedException($"Demo mode could not define {what}: {string.Join(" | ", details)}");
        }
    }
}
