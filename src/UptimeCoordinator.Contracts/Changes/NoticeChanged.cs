using UptimeCoordinator.Domain.Notices;

namespace UptimeCoordinator.Contracts.Changes;

/// <summary>A notice was planned, or its delivery state changed: the state after that change.</summary>
[GenerateSerializer, Alias("uc.NoticeChanged")]
public sealed record NoticeChanged(
    [property: Id(0)] string ClientId,
    [property: Id(1)] string NoticeId,
    [property: Id(2)] NoticeKind Kind,
    [property: Id(3)] NoticeChannel Channel,
    [property: Id(4)] string ContactId,
    [property: Id(5)] string SubjectId,
    [property: Id(6)] NoticeState State,
    [property: Id(7)] int Attempts,
    [property: Id(8)] string? LastError,
    [property: Id(9)] DateTimeOffset At) : ChangeEvent
{
    public static NoticeChanged Of(string clientId, Notice notice, DateTimeOffset at) =>
        new(clientId, notice.Id, notice.Kind, notice.Channel, notice.ContactId, notice.SubjectId, notice.State, notice.Attempts, notice.LastError, at);
}
