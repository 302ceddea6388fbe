namespace UptimeCoordinator.Host.Tests.Incidents;

/// <summary>A client of an <see cref="IncidentRig"/>: one email contact and one webhook contact, both with addresses no other client shares.</summary>
internal sealed record RigClient(string Id)
{
    public string EmailContactId => $"{Id}-mail";

    public string Email => $"{EmailContactId}@clients.example";

    public string HookContactId => $"{Id}-hook";

    public string HookPath => $"/hooks/{Id}";
}
