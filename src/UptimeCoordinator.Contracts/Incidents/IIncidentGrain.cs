using Orleans.Concurrency;

namespace UptimeCoordinator.Contracts.Incidents;

/// <summary>
/// One incident (key: incident id): its stage, severity and timeline; the responders' actions,
/// clients' reports and answers; and the steps it hands out to the people it reaches.
/// </summary>
[Alias("uc.IIncidentGrain")]
public interface IIncidentGrain : IGrainWithStringKey
{
    /// <summary>
    /// Applies a service's status change (open, update, resolve, reopen, confirm). Idempotent on the
    /// change's sequence, so the service grain can hand the same change over again after a crash.
    /// </summary>
    [Alias("ApplyServiceTransition")]
    Task ApplyServiceTransitionAsync(ServiceTransitionMessage transition);

    /// <summary>Ops declare this incident on services; a conflict when one of them already has another open incident.</summary>
    [Alias("Declare")]
    Task<IncidentCommandResult> DeclareAsync(DeclareIncident command);

    /// <summary>
    /// A client reports a problem: this becomes a suspected incident, unless one of the services
    /// already has an open or suspected incident, which the report then joins (outcome Joined).
    /// </summary>
    [Alias("Report")]
    Task<IncidentCommandResult> ReportAsync(ReportProblem command);

    [Alias("Acknowledge")]
    Task<IncidentCommandResult> AcknowledgeAsync(AcknowledgeIncident command);

    [Alias("PostUpdate")]
    Task<IncidentCommandResult> PostUpdateAsync(PostIncidentUpdate command);

    [Alias("Resolve")]
    Task<IncidentCommandResult> ResolveAsync(ResolveIncident command);

    [Alias("Confirm")]
    Task<IncidentCommandResult> ConfirmAsync(IncidentVerdict command);

    [Alias("Dismiss")]
    Task<IncidentCommandResult> DismissAsync(IncidentVerdict command);

    [Alias("RecordFeedback")]
    Task<IncidentCommandResult> RecordFeedbackAsync(GiveIncidentFeedback command);

    /// <summary>A client's notice about this incident was delivered at <paramref name="sentAt"/>: the first one sets the time to client notice.</summary>
    [Alias("RecordClientNotice"), OneWay]
    Task RecordClientNoticeAsync(DateTimeOffset sentAt);

    /// <summary>Interleaves, so that a client reading its status never waits for an incident that is telling that client something.</summary>
    [Alias("Get"), ReadOnly, AlwaysInterleave]
    Task<IncidentView?> GetAsync();
}
