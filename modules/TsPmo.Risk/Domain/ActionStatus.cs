namespace TsPmo.Risk.Domain;

/// <summary>A mitigation action's state; Open and InProgress actions still count as mitigation under way.</summary>
public enum ActionStatus { Open, InProgress, Done, Cancelled }
