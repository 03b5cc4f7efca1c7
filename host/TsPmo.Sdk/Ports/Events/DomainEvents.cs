using TsPmo.Sdk.Ports.Lifecycle;

namespace TsPmo.Sdk.Ports.Events;

/// <summary>Something that happened, published after its transaction committed.</summary>
public interface IDomainEvent
{
    DateTimeOffset OccurredAt { get; }
}

public sealed record ProjectCreated(long ProjectId, string MethodologyId, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record PhaseChanged(long ProjectId, LifecyclePhase From, LifecyclePhase To, string? Reason, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>A unit of work (story, card, task) reached done, in the unit its module counts.</summary>
public sealed record WorkCompleted(long ProjectId, string ModuleId, string ItemId, string Title, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record RiskRaised(long ProjectId, string RiskId, string Title, int Score, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>A module was switched on or off by an administrator.</summary>
public sealed record ModuleToggled(string ModuleId, bool Enabled, DateTimeOffset OccurredAt) : IDomainEvent;
