using TsPmo.Sdk.Ports.Lifecycle;

namespace TsPmo.Core.Projects;

/// <summary>One step of a project's phase history.</summary>
public sealed record PhaseChange(long Id, LifecyclePhase? FromPhase, LifecyclePhase ToPhase, string? Reason, string ChangedBy, DateTimeOffset ChangedAt);
