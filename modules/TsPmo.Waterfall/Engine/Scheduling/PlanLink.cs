namespace TsPmo.Waterfall.Engine.Scheduling;

/// <summary>A dependency. A negative <see cref="Lag"/> is a lead. <see cref="Lag"/> is in minutes, or percent for <see cref="LagUnit.PercentOfPredecessor"/>.</summary>
public sealed record PlanLink(long PredecessorId, long SuccessorId, LinkType Type, long Lag = 0, LagUnit LagUnit = LagUnit.WorkingMinutes);
