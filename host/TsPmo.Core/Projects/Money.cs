using System.Globalization;

namespace TsPmo.Core.Projects;

/// <summary>An amount in integer minor units of an ISO 4217 currency (cents for EUR, yen for JPY).</summary>
public readonly record struct Money(long Minor, string Currency)
{
    private static readonly Dictionary<string, int> Exponents = new(StringComparer.Ordinal)
    {
        ["JPY"] = 0, ["KRW"] = 0, ["ISK"] = 0, ["CLP"] = 0, ["VND"] = 0,
        ["BHD"] = 3, ["KWD"] = 3, ["OMR"] = 3, ["JOD"] = 3, ["TND"] = 3,
    };

    public static int Exponent(string currency) => Exponents.GetValueOrDefault(currency, 2);

    public decimal Amount => Minor / Pow10(Exponent(Currency));

    /// <summary>Converts an amount, refusing more decimals than the currency has.</summary>
    public static bool TryFrom(decimal amount, string currency, out Money money)
    {
        money = default;
        var factor = Pow10(Exponent(currency));
        // Checked before scaling: past long's range the cast would throw (a 500) instead of refusing the value.
        if (Math.Abs(amount) > long.MaxValue / factor) return false;
        var scaled = amount * factor;
        if (scaled != decimal.Truncate(scaled)) return false;
        money = new Money((long)scaled, currency);
        return true;
    }

    /// <summary>The largest amount accepted as a budget or cost: far beyond any project, well inside minor units' range.</summary>
    public const decimal MaxAmount = 1_000_000_000_000m;

    public static bool IsCurrencyCode(string? code) => code is { Length: 3 } && code.All(char.IsAsciiLetterUpper);

    public override string ToString() => Amount.ToString("N" + Exponent(Currency), CultureInfo.InvariantCulture) + " " + Currency;

    private static decimal Pow10(int n) => n switch { 0 => 1m, 3 => 1000m, _ => 100m };
}
