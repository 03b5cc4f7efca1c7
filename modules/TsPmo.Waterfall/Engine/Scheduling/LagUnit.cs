namespace TsPmo.Waterfall.Engine.Scheduling;

/// <summary>How a link's lag counts: working minutes (the default), elapsed calendar minutes, or percent of the predecessor's duration.</summary>
public enum LagUnit { WorkingMinutes, ElapsedMinutes, PercentOfPredecessor }
