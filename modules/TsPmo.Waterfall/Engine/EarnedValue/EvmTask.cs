namespace TsPmo.Waterfall.Engine.EarnedValue;

/// <summary>A leaf task's baseline and progress for earned value. Money in minor units.</summary>
public sealed record EvmTask(long Id, DateTime? BaselineStart, DateTime? BaselineFinish, long BaselineCostMinor, decimal PercentComplete, long ActualCostMinor);
