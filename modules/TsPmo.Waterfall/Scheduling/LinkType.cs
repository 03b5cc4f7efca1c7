namespace TsPmo.Waterfall.Scheduling;

public enum LinkType { FinishToStart, StartToStart, FinishToFinish, StartToFinish }
