using Orleans.Concurrency;
using UptimeCoordinator.Contracts.Costs;
using UptimeCoordinator.Contracts.Maintenance;
using UptimeCoordinator.Contracts.Notices;

namespace UptimeCoordinator.Contracts.Clients;

/// <summary>
/// One client (key: client id): its definition, the incidents that reach it, and its outbox of
/// notices with their delivery state.
/// </summary>
[Alias("uc.IClientGrain")]
public interface IClientGrain : IGrainWithStringKey
{
    /// <summary>Creates or replaces the definition, unless a subscribed service does not exist.</summary>
    [Alias("Define")]
    Task<DefineClientResult> DefineAsync(ClientSpec spec);

    /// <summary>Removes the client, its subscriptions and its notice log; false when it does not exist.</summary>
    [Alias("Remove")]
    Task<bool> RemoveAsync();

    [Alias("Get"), ReadOnly]
    Task<ClientView?> GetAsync();

    /// <summary>What the client sees now: affected services and open incidents, read fresh from the incidents.</summary>
    [Alias("GetStatus"), ReadOnly]
    Task<ClientStatusView?> GetStatusAsync();

    /// <summary>The notice log, newest first, after the notice id <paramref name="after"/>; null when the client does not exist.</summary>
    [Alias("ListNotices"), ReadOnly]
    Task<NoticePage?> ListNoticesAsync(string? after, int limit);

    /// <summary>
    /// Takes one fanned-out incident step: updates the client's impacts, plans and persists its
    /// notices, then hands them to delivery. Idempotent on the step's service and sequence.
    /// </summary>
    [Alias("ApplyIncidentStep")]
    Task ApplyIncidentStepAsync(IncidentStepMessage step);

    /// <summary>
    /// Takes one bulletin an incident handed out (a responder's action, a scheduled step, news for
    /// the responders): updates the client's impacts, plans and persists its notices, then hands them
    /// to delivery. Idempotent: a repeat finds its notices already planned.
    /// </summary>
    [Alias("ApplyIncidentBulletin")]
    Task ApplyIncidentBulletinAsync(IncidentBulletinMessage bulletin);

    /// <summary>
    /// Whether an answer about <paramref name="incidentId"/> may be taken for this client: the contact,
    /// when given, exists, and <paramref name="token"/>, when given, is the one its follow-up carried.
    /// </summary>
    [Alias("CheckFeedback"), ReadOnly]
    Task<FeedbackCheck> CheckFeedbackAsync(string incidentId, string? contactId, string? token);

    /// <summary>What the incident has cost this client so far, and costs per hour now; null without a cost profile or when it never reached the client.</summary>
    [Alias("CostOfIncident"), ReadOnly, AlwaysInterleave]
    Task<ClientCostShare?> CostOfIncidentAsync(string incidentId);

    /// <summary>The downtime cost over <c>[from, to)</c>, by incident and service; null when the client does not exist or has no cost profile.</summary>
    [Alias("Cost"), ReadOnly]
    Task<ClientCostView?> CostAsync(DateTimeOffset from, DateTimeOffset to);

    /// <summary>The SLA figures of a calendar month in the client's zone, as JSON and CSV; null when the client does not exist.</summary>
    [Alias("Sla"), ReadOnly]
    Task<SlaResult?> SlaAsync(int year, int month);

    /// <summary>
    /// Takes one step of a maintenance window: plans and persists its notices for the affected contacts,
    /// records the window in the ledger while it runs, then hands the notices to delivery. Idempotent.
    /// </summary>
    [Alias("ApplyMaintenanceBulletin")]
    Task ApplyMaintenanceBulletinAsync(MaintenanceBulletinMessage bulletin);

    /// <summary>
    /// How maintenance on <paramref name="windowServices"/> (and so on <paramref name="dependentServices"/>, which
    /// depend on them) would cost this client, and the notice its SLA asks for; null when it touches none of its services.
    /// </summary>
    [Alias("MaintenanceExposure"), ReadOnly, AlwaysInterleave]
    Task<MaintenanceExposureMessage?> MaintenanceExposureAsync(string[] windowServices, string[] dependentServices);

    /// <summary>One notice of the log; null when the client or the notice does not exist.</summary>
    [Alias("GetNotice"), ReadOnly]
    Task<NoticeView?> GetNoticeAsync(string noticeId);

    /// <summary>Sends a failed notice again, under the same id, now.</summary>
    [Alias("RetryNotice")]
    Task<NoticeRetryResult> RetryNoticeAsync(string noticeId);

    /// <summary>Per subscribed service, the uptime of each of the last <paramref name="days"/> days in the client's zone; null when the client does not exist.</summary>
    [Alias("Uptime"), ReadOnly]
    Task<ClientUptimeView?> UptimeAsync(int days);

    /// <summary>
    /// Records how a dispatch of one notice ended. This host's dispatcher reports through
    /// <see cref="RecordDeliveriesAsync"/>; this one stays for silos of the previous version during a
    /// rolling upgrade.
    /// </summary>
    [Alias("RecordDelivery")]
    Task RecordDeliveryAsync(NoticeOutcomeMessage outcome);

    /// <summary>Records how the dispatches of several notices ended, with one write.</summary>
    [Alias("RecordDeliveries")]
    Task RecordDeliveriesAsync(List<NoticeOutcomeMessage> outcomes);
}
