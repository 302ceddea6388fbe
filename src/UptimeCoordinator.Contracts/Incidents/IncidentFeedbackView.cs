using UptimeCoordinator.Domain.Incidents;

namespace UptimeCoordinator.Contracts.Incidents;

[GenerateSerializer, Alias("uc.IncidentFeedbackView")]
public sealed record IncidentFeedbackView(
    [property: Id(0)] string ClientId,
    [property: Id(1)] string? ContactId,
    [property: Id(2)] bool FixedConfirmed,
    [property: Id(3)] int? Rating,
    [property: Id(4)] string? Comment,
    [property: Id(5)] DateTimeOffset At)
{
    public static IncidentFeedbackView From(IncidentFeedback f) => new(f.ClientId, f.ContactId, f.FixedConfirmed, f.Rating, f.Comment, f.At);
}
