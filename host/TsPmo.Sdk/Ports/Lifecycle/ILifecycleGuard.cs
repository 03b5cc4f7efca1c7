namespace TsPmo.Sdk.Ports.Lifecycle;

/// <summary>
/// May veto a phase transition (a stage gate, an unfinished sprint). Core asks every enabled guard before
/// it moves a project and refuses the move with all their reasons.
/// </summary>
public interface ILifecycleGuard
{
    Task<GuardVerdict> CheckAsync(PhaseTransition transition, CancellationToken ct = default);
}

public sealed record PhaseTransition(long ProjectId, LifecyclePhase From, LifecyclePhase To, string? Reason);

public sealed record GuardVerdict(bool Allowed, IReadOnlyList<string> Reasons)
{
    public static readonly GuardVerdict Allow = new(true, []);

    public static GuardVerdict Refuse(params string[] reasons) => new(false, reasons);
}
