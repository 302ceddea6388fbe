using Microsoft.AspNetCore.Http.HttpResults;
using UptimeCoordinator.Contracts.Clients;
using UptimeCoordinator.Contracts.Costs;
using UptimeCoordinator.Contracts.Services;
using UptimeCoordinator.Domain;
using UptimeCoordinator.Host.Auth;
using UptimeCoordinator.Host.Hosting;
using UptimeCoordinator.Host.Paging;

namespace UptimeCoordinator.Host.Costs;

/// <summary><c>/api/v1/costs</c>: what downtime cost this month across clients, for the ops console's cost panel.</summary>
public static class CostsApi
{
    public static RouteGroupBuilder MapCostsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/costs").WithTags("Costs").RequireAuthorization(Roles.OpsPolicy);
        group.MapGet("/", OverviewAsync).WithName("GetCostOverview")
            .WithSummary("Downtime cost of a UTC calendar month (month=YYYY-MM, default this month so far) by client and by service, over one page of clients (limit, cursor)");
        return group;
    }

    private static async Task<Results<Ok<CostOverviewView>, ValidationProblem>> OverviewAsync(
        string? month, string? limit, string? cursor, IGrainFactory grains, TimeProvider time)
    {
        var errors = new ValidationErrors();
        var now = time.GetUtcNow();
        var (year, number) = (now.Year, now.Month);
        if (month is not null && !QueryMonth.TryParse(month, out year, out number))
        {
            errors.Add("month", QueryMonth.Expected);
        }

        if (!PageRequest.TryParse(limit, cursor, errors, out var page) || !errors.IsValid)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var from = new DateTimeOffset(year, number, 1, 0, 0, 0, TimeSpan.Zero);
        var to = from.AddMonths(1) < now ? from.AddMonths(1) : now;
        var clients = await grains.GetGrain<IClientCatalogGrain>(IClientCatalogGrain.Key).ListAsync(page.After, page.Limit);
        var costs = from < to
            ? await Task.WhenAll(clients.Ids.Select(async id => (Client: await grains.GetGrain<IClientGrain>(id).GetAsync(), Cost: await grains.GetGrain<IClientGrain>(id).CostAsync(from, to))))
            : [];
        var priced = costs.Where(c => c.Client is not null && c.Cost is not null).ToArray();
        var byClient = priced
            .Select(c => new ClientCostTotalView(c.Client!.Id, c.Client.Name, c.Cost!.Total))
            .OrderByDescending(c => c.Total.Amount).ThenBy(c => c.ClientId, StringComparer.Ordinal)
            .ToArray();
        var byService = await ByServiceAsync(grains, priced.SelectMany(c => c.Cost!.ByService));
        return TypedResults.Ok(new CostOverviewView(
            $"{year:D4}-{number:D2}", from, to, byClient, byService, MoneyView.Sum(byClient.Select(c => c.Total)), PageRequest.Encode(clients.NextAfter)));
    }

    private static async Task<ServiceCostTotalView[]> ByServiceAsync(IGrainFactory grains, IEnumerable<CostShareView> shares)
    {
        var totals = shares.GroupBy(s => s.Id, StringComparer.Ordinal).Select(g => (Id: g.Key, Total: MoneyView.Sum(g.Select(s => s.Cost)))).ToArray();
        var views = await Task.WhenAll(totals.Select(t => grains.GetGrain<IServiceGrain>(t.Id).GetAsync()));
        return [.. totals.Zip(views)
            .Select(p => new ServiceCostTotalView(p.First.Id, p.Second?.Name ?? p.First.Id, p.First.Total))
            .OrderByDescending(s => s.Total.Sum(m => m.Amount)).ThenBy(s => s.ServiceId, StringComparer.Ordinal)];
    }
}
