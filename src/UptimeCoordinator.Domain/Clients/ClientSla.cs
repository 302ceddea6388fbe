using UptimeCoordinator.Domain.Sla;

namespace UptimeCoordinator.Domain.Clients;

/// <summary>A client's service level terms, and the currency its monthly fee (and so any credit) is in.</summary>
public sealed record ClientSla(SlaTerms Terms, string FeeCurrency)
{
    public const string DefaultCurrency = "EUR";
}
