namespace UptimeCoordinator.Contracts.Clients;

public enum FeedbackCheck
{
    Ok = 0,
    UnknownClient = 1,
    UnknownContact = 2,
    BadToken = 3,

    /// <summary>The client was never told about the incident, so it has nothing to answer.</summary>
    UnknownIncident = 4,
}
