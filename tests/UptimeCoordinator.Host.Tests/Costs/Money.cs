using System.Text.Json;
using UptimeCoordinator.Host.Tests.Http;

namespace UptimeCoordinator.Host.Tests.Costs;

/// <summary>Money as the API writes it, <c>{"amount": 12.34, "currency": "EUR"}</c>, read for exact comparison.</summary>
internal static class Money
{
    public static (decimal Amount, string Currency) Of(JsonElement money) => (money.GetProperty("amount").GetDecimal(), money.Str("currency"));

    public static (decimal Amount, string Currency) Of(JsonElement element, string property) => Of(element.GetProperty(property));

    /// <summary>A figure across currencies: a list of money.</summary>
    public static List<(decimal Amount, string Currency)> List(JsonElement element, string property) =>
        [.. element.GetProperty(property).EnumerateArray().Select(Of)];

    public static (decimal, string) Eur(decimal amount) => (amount, "EUR");
}
