namespace TsPmo.Waterfall.Engine.Scheduling;

public enum LinkType { FinishToStart, StartToStart, FinishToFinish, StartToFinish }
