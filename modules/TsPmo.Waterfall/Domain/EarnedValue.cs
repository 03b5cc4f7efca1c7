using TsPmo.Waterfall.Engine.EarnedValue;

namespace TsPmo.Waterfall.Domain;

/// <summary>The baseline earned value is measured against.</summary>
public sealed record EvmBaseline(long Id, string Name);

/// <summary>Earned value of a project at a status date against one baseline: <see cref="Figures"/> in major units of <see cref="Currency"/>.</summary>
public sealed record EarnedValueReading(EvmBaseline Baseline, string? Currency, EarnedValueFigures Figures);

/// <summary>One point of the S-curve: cumulative planned value at the end of a day, with EV and AC where they were recorded.</summary>
public sealed record SCurvePoint(DateOnly Day, decimal Pv, decimal? Ev, decimal? Ac);

/// <summary>Figures kept for a status date (major units), so the S-curve shows EV and AC over time.</summary>
public sealed record EarnedValueRecord(DateOnly StatusDate, decimal Pv, decimal Ev, decimal Ac);
