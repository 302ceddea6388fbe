namespace UptimeCoordinator.Contracts.Clients;

public enum FeedbackCheck
{
    Ok = 0,
    UnknownClient = 1,
    UnknownContact = 2,
    BadToken = 3,
}
