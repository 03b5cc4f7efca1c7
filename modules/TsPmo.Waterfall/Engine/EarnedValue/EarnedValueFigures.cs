namespace TsPmo.Waterfall.Engine.EarnedValue;

/// <summary>
/// Earned value at a status date: the one record of these figures, from the calculator to the pages, reports and API.
/// <see cref="EarnedValueCalculator"/> gives money in minor units, unrounded; <see cref="ToMajorUnits"/> gives them as
/// they are shown. Index figures are null where their divisor is zero (no planned value yet, no actual cost, no budget
/// left to earn).
/// </summary>
public sealed record EarnedValueFigures(
    DateOnly StatusDate,
    decimal Bac, decimal Pv, decimal Ev, decimal Ac,
    decimal Sv, decimal Cv,
    decimal? Spi, decimal? Cpi,
    decimal? Eac, decimal? Etc, decimal? Vac, decimal? Tcpi)
{
    /// <summary>Money from minor to major units rounded to the cent, indexes rounded to 3 decimals: what people and the API read.</summary>
    public EarnedValueFigures ToMajorUnits() => new(StatusDate, Money(Bac), Money(Pv), Money(Ev), Money(Ac), Money(Sv), Money(Cv),
        Index(Spi), Index(Cpi), Money(Eac), Money(Etc), Money(Vac), Index(Tcpi));

    private static decimal Money(decimal minor) => Math.Round(minor / 100m, 2);

    private static decimal? Money(decimal? minor) => minor is { } v ? Money(v) : null;

    private static decimal? Index(decimal? index) => index is { } v ? Math.Round(v, 3) : null;
}
