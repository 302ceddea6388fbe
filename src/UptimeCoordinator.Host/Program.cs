using UptimeCoordinator.Host.Auth;
using UptimeCoordinator.Host.Clients;
using UptimeCoordinator.Host.Costs;
using UptimeCoordinator.Host.Errors;
using UptimeCoordinator.Host.Events;
using UptimeCoordinator.Host.Feedback;
using UptimeCoordinator.Host.Hosting;
using UptimeCoordinator.Host.Incidents;
using UptimeCoordinator.Host.Integrations;
using UptimeCoordinator.Host.Maintenance;
using UptimeCoordinator.Host.Notices;
using UptimeCoordinator.Host.Pages;
using UptimeCoordinator.Host.Probes;
using UptimeCoordinator.Host.Services;
using UptimeCoordinator.Host.Stream;

var builder = WebApplication.CreateBuilder(args);
builder.AddCoordinatorSilo();
builder.AddCoordinatorApi();
builder.AddCoordinatorTelemetry();
builder.AddApiKeyAuth();
builder.AddChangeStream();
builder.AddIntegrations();
builder.AddClientNotices();

var app = builder.Build();
app.UseCoordinatorErrors();
app.UseAuthentication();
app.UseAuthorization();
app.UseWebPageAssets();
app.MapProbes();
app.MapCoordinatorMetrics();
app.MapCoordinatorDashboard();
app.MapOpenApi();
app.MapServicesApi();
app.MapClientsApi();
app.MapEventsApi();
app.MapIncidentsApi();
app.MapMaintenanceApi();
app.MapNoticesApi();
app.MapCostsApi();
app.MapFeedbackPage();
app.MapWebPages();
app.MapIntegrationsApi();
app.MapStreamApi();
app.Run();

/// <summary>Entry point, public so that tests can host it with WebApplicationFactory.</summary>
public partial class Program;
