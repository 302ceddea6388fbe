namespace UptimeCoordinator.Contracts.Changes;

/// <summary>
/// Something that changed and was persisted, announced on the <see cref="ChangeStream"/>. Each event
/// carries the new state, not a delta, so a listener that sees one twice is not misled.
/// </summary>
[GenerateSerializer, Alias("uc.ChangeEvent")]
public abstract record ChangeEvent;
