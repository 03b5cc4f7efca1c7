namespace TsPmo.Waterfall.Engine.EarnedValue;

/// <summary>
/// Earned value at a status date, money in minor units. Index figures are null where their divisor is zero
/// (no planned value yet, no actual cost, no budget left to earn).
/// </summary>
public sealed record EarnedValueFigures(
    DateOnly StatusDate,
    decimal Bac, decimal Pv, decimal Ev, decimal Ac,
    decimal Sv, decimal Cv,
    decimal? Spi, decimal? Cpi,
    decimal? Eac, decimal? Etc, decimal? Vac, decimal? Tcpi);
