using Orleans.Dashboard;
using UptimeCoordinator.Host.Auth;

namespace UptimeCoordinator.Host.Hosting;

/// <summary>
/// The Orleans dashboard (grains, silos, calls) at <c>/dashboard</c>, for ops only: it shows every
/// grain's id, and it has no authentication of its own. <c>Dashboard:Enabled=false</c> turns it off.
/// </summary>
public static class CoordinatorDashboardExtensions
{
    public const string Path = "/dashboard";

    public static WebApplication MapCoordinatorDashboard(this WebApplication app)
    {
        if (app.Configuration.GetValue("Dashboard:Enabled", true))
        {
            app.MapOrleansDashboard(routePrefix: Path).RequireAuthorization(Roles.OpsPolicy);
        }

        return app;
    }
}
