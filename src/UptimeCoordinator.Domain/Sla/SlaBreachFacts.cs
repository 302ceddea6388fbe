namespace UptimeCoordinator.Domain.Sla;

/// <summary>
/// Everything one <c>sla.breached</c> notice to one contact says: the client's month as measured,
/// and who it is for. The month is the client's calendar month (the report's); instants are shown
/// in <paramref name="TimeZone"/>, the contact's zone.
/// </summary>
/// <param name="Currency">The currency of the monthly fee, in which the credit is owed (ISO 4217).</param>
/// <param name="At">When the notice was planned: the webhook's timestamp.</param>
public sealed record SlaBreachFacts(
    string NoticeId,
    string ClientId,
    string ClientName,
    string ContactName,
    SlaReport Report,
    string Currency,
    DateTimeOffset At,
    TimeZoneInfo TimeZone);
