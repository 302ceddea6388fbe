namespace UptimeCoordinator.Grains.Maintenance;

/// <summary>Where a window's invite is served, for the links notices and invites carry.</summary>
public static class CalendarLinks
{
    public static string Path(string windowId) => $"/api/v1/maintenance/{Uri.EscapeDataString(windowId)}/calendar.ics";

    public static string For(string publicBaseUrl, string windowId) => publicBaseUrl.TrimEnd('/') + Path(windowId);
}
