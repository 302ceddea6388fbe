namespace UptimeCoordinator.Domain.Notices;

/// <summary>What a contact believes about an incident, from the notices sent or on their way to it.</summary>
public enum ToldState
{
    Nothing = 0,
    Broken = 1,
    Fixed = 2,
}
