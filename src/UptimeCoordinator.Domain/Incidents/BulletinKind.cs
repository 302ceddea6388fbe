namespace UptimeCoordinator.Domain.Incidents;

/// <summary>What an incident tells the people it reaches, apart from what monitoring tells them through the services.</summary>
public enum BulletinKind
{
    // To the affected clients.
    Declared = 1,
    Acknowledged = 2,
    Updated = 3,
    EtaChanged = 4,
    Resolved = 5,
    Confirmed = 6,
    Dismissed = 7,
    StillWorking = 8,
    FollowUp = 9,
    Survey = 10,

    // To one client only: its report was received, or its "not fixed" reopened the incident.
    ReportReceived = 11,
    ReopenedForClient = 12,

    // To the responders (the ops channel).
    Reported = 20,
    Reopened = 21,
    Nudge = 22,
}

public static class BulletinKindExtensions
{
    public static bool IsForResponders(this BulletinKind kind) => kind is BulletinKind.Reported or BulletinKind.Reopened or BulletinKind.Nudge;
}
