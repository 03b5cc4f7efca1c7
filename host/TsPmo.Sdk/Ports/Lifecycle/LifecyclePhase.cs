namespace TsPmo.Sdk.Ports.Lifecycle;

/// <summary>The project lifecycle. OnHold and Cancelled are entered with a reason.</summary>
public enum LifecyclePhase { Initiation, Planning, Execution, Closing, Closed, OnHold, Cancelled }
