using TsPmo.Sdk.Ports.Lifecycle;

namespace TsPmo.Core.Projects;

/// <summary>
/// The lifecycle: Initiation → Planning → Execution → Closing → Closed, one step forward at a time. Any open
/// phase may be put On hold or Cancelled, with a reason; On hold resumes to the phase it left.
/// Closed and Cancelled are final.
/// </summary>
public static class LifecycleRules
{
    private static readonly LifecyclePhase[] Sequence =
        [LifecyclePhase.Initiation, LifecyclePhase.Planning, LifecyclePhase.Execution, LifecyclePhase.Closing, LifecyclePhase.Closed];

    public static IReadOnlyList<LifecyclePhase> Sequential => Sequence;

    public static IReadOnlyList<LifecyclePhase> Allowed(LifecyclePhase from, LifecyclePhase? beforeHold) => from switch
    {
        LifecyclePhase.Closed or LifecyclePhase.Cancelled => [],
        LifecyclePhase.OnHold => [beforeHold ?? LifecyclePhase.Initiation, LifecyclePhase.Cancelled],
        LifecyclePhase.Closing => [LifecyclePhase.Closed, LifecyclePhase.OnHold, LifecyclePhase.Cancelled],
        _ => [Sequence[Array.IndexOf(Sequence, from) + 1], LifecyclePhase.OnHold, LifecyclePhase.Cancelled],
    };

    public static bool NeedsReason(LifecyclePhase to) => to is LifecyclePhase.OnHold or LifecyclePhase.Cancelled;

    public static string Label(LifecyclePhase phase) => phase == LifecyclePhase.OnHold ? "On hold" : phase.ToString();
}
