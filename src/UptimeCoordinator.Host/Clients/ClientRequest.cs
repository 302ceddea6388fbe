namespace UptimeCoordinator.Host.Clients;

/// <summary>The body of <c>PUT /api/v1/clients/{id}</c>.</summary>
public sealed record ClientRequest(
    string? Id,
    string? Name,
    string? TimeZone,
    SubscriptionRequest[]? Subscriptions,
    ContactRequest[]? Contacts,
    CostProfileRequest? CostProfile = null,
    SlaRequest? Sla = null);

/// <summary>A service the client depends on; <c>impact</c> 0..1 defaults to 1.</summary>
public sealed record SubscriptionRequest(string? ServiceId, double? Impact);

/// <summary>
/// A person or system to tell. <c>webhookSecret</c> is write-only; leaving it out keeps the one
/// stored. <c>stages</c> lists notice kinds (all when absent); <c>quietHours</c> holds non-urgent
/// notices back.
/// </summary>
public sealed record ContactRequest(
    string? Id,
    string? Name,
    string? Email,
    string? WebhookUrl,
    string? WebhookSecret,
    string? SlackWebhookUrl,
    string[]? Stages,
    QuietHoursRequest? QuietHours,
    string? TimeZone);

/// <summary>Local times of day as <c>HH:mm</c>, in the contact's (else the client's) time zone.</summary>
public sealed record QuietHoursRequest(string? Start, string? End);

/// <summary>
/// What an hour of full outage costs the client. <c>weeklyUsage</c>: 168 weights, index 0 = Monday
/// 00:00 local; absent: business hours. <c>severityFactors</c>: absent: 1, 0.5 and 0.2.
/// </summary>
public sealed record CostProfileRequest(string? Currency, decimal? CostPerHour, double[]? WeeklyUsage, SeverityFactorsRequest? SeverityFactors);

public sealed record SeverityFactorsRequest(double? MajorOutage, double? PartialOutage, double? DegradedPerformance);

/// <summary>The client's SLA; every field left out takes DESIGN's default.</summary>
public sealed record SlaRequest(
    double? TargetPercent,
    int? MaintenanceNoticeHours,
    CreditTierRequest[]? CreditTiers,
    MoneyRequest? MonthlyFee,
    double? PartialOutageWeight,
    double? DegradedWeight);

public sealed record CreditTierRequest(double? BelowPercent, double? CreditPercent);

public sealed record MoneyRequest(decimal? Amount, string? Currency);
