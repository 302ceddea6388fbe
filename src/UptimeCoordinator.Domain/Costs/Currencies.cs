using System.Collections.Frozen;

namespace UptimeCoordinator.Domain.Costs;

/// <summary>
/// ISO 4217 currency codes a price can be written in: the national and regional currencies of the
/// standard's list one, plus the few withdrawn lately that clients' profiles may still carry.
/// The list is embedded rather than read from the platform's cultures, so a profile accepted by one
/// silo is accepted by every other (Windows, ICU of any age, an invariant-globalization container);
/// a test checks it against the cultures of the machine it runs on.
/// Fund codes (CLF, USN …), precious metals and testing codes (XAU, XTS, XXX …) are not money
/// lost per hour, so they are refused.
/// </summary>
public static class Currencies
{
    private static readonly string[] Iso4217 =
    [
        "AED", "AFN", "ALL", "AMD", "ANG", "AOA", "ARS", "AUD", "AWG", "AZN",
        "BAM", "BBD", "BDT", "BGN", "BHD", "BIF", "BMD", "BND", "BOB", "BRL", "BSD", "BTN", "BWP", "BYN", "BZD",
        "CAD", "CDF", "CHF", "CLP", "CNY", "COP", "CRC", "CUC", "CUP", "CVE", "CZK",
        "DJF", "DKK", "DOP", "DZD", "EGP", "ERN", "ETB", "EUR", "FJD", "FKP",
        "GBP", "GEL", "GHS", "GIP", "GMD", "GNF", "GTQ", "GYD", "HKD", "HNL", "HTG", "HUF",
        "IDR", "ILS", "INR", "IQD", "IRR", "ISK", "JMD", "JOD", "JPY",
        "KES", "KGS", "KHR", "KMF", "KPW", "KRW", "KWD", "KYD", "KZT",
        "LAK", "LBP", "LKR", "LRD", "LSL", "LYD",
        "MAD", "MDL", "MGA", "MKD", "MMK", "MNT", "MOP", "MRU", "MUR", "MVR", "MWK", "MXN", "MYR", "MZN",
        "NAD", "NGN", "NIO", "NOK", "NPR", "NZD", "OMR",
        "PAB", "PEN", "PGK", "PHP", "PKR", "PLN", "PYG", "QAR", "RON", "RSD", "RUB", "RWF",
        "SAR", "SBD", "SCR", "SDG", "SEK", "SGD", "SHP", "SLE", "SLL", "SOS", "SRD", "SSP", "STN", "SVC", "SYP", "SZL",
        "THB", "TJS", "TMT", "TND", "TOP", "TRY", "TTD", "TWD", "TZS",
        "UAH", "UGX", "USD", "UYU", "UZS", "VED", "VES", "VND", "VUV", "WST",
        "XAF", "XCD", "XCG", "XOF", "XPF", "YER", "ZAR", "ZMW", "ZWG", "ZWL",
    ];

    private static readonly FrozenSet<string> Known = Iso4217.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Whether <paramref name="code"/> is a known currency written as ISO 4217 does, in three
    /// uppercase letters: "eur" is refused rather than guessed, since the code is echoed in money.
    /// </summary>
    public static bool IsKnown(string? code) => code is not null && Known.Contains(code);
}
