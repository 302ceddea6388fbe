namespace UptimeCoordinator.Contracts.Notices;

/// <summary>A page of a client's notice log, newest first; <see cref="NextAfter"/> continues it.</summary>
[GenerateSerializer, Alias("uc.NoticePage")]
public sealed record NoticePage(
    [property: Id(0)] NoticeView[] Items,
    [property: Id(1)] string? NextAfter);
