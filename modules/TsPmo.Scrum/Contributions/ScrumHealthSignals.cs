using System.Globalization;
using TsPmo.Sdk.Ports.Directory;
using TsPmo.Sdk.Ports.Health;
using TsPmo.Scrum.Domain;
using TsPmo.Scrum.Engine;
using TsPmo.Scrum.Services;

namespace TsPmo.Scrum.Contributions;

/// <summary>
/// Scrum health (thresholds in docs/modules/scrum.md): the active sprint's burndown against its ideal line, the last
/// sprint's velocity against the average of the three before it, and the commitment of the active (or next) sprint
/// against its capacity and against 120 % of the average velocity.
/// </summary>
public sealed class ScrumHealthSignals(SprintService sprints, IProjectDirectory projects) : IHealthSignalSource
{
    public async Task<IReadOnlyList<HealthSignal>> GetSignalsAsync(long projectId, CancellationToken ct = default)
    {
        if ((await projects.FindAsync(projectId, ct))?.MethodologyId != ScrumModule.Id) return [];
        var all = await sprints.ListAsync(projectId, ct);
        var completed = all.Where(s => s.State == SprintState.Completed).OrderBy(s => s.End).ThenBy(s => s.Id).Select(s => s.CompletedPoints ?? 0).ToList();
        var active = all.FirstOrDefault(s => s.State == SprintState.Active);
        var signals = new List<HealthSignal>
        {
            active is null
                ? new HealthSignal(ScrumModule.Id, "Burndown", HealthDimension.Schedule, Rag.Green, "no active sprint", "No sprint is running, so there is no burndown to compare.")
                : Burndown(active, await sprints.BurndownAsync(projectId, active.Id, ct)),
            VelocityDrop(completed),
        };
        var next = active ?? all.Where(s => s.State == SprintState.Planned).OrderBy(s => s.Start).FirstOrDefault();
        if (next is not null) signals.Add(Overcommitted(next, Velocity.AverageOfLast(completed)));
        return signals;
    }

    /// <summary>Behind by more than 10 % of the commitment: amber; by more than 25 %: red.</summary>
    internal static HealthSignal Burndown(Sprint sprint, Burndown burndown)
    {
        var latest = burndown.Latest;
        if (latest?.RemainingPoints is not { } remaining)
            return new HealthSignal(ScrumModule.Id, "Burndown", HealthDimension.Schedule, Rag.Green, "not started", $"{sprint.Name} has no day behind it yet.");
        var behind = remaining - latest.IdealPoints;
        var basis = burndown.CommittedPoints > 0 ? burndown.CommittedPoints : Math.Max(latest.ScopePoints ?? 0, 1);
        var share = behind / basis;
        var rag = share > 0.25m ? Rag.Red : share > 0.10m ? Rag.Amber : Rag.Green;
        var value = behind > 0 ? F($"{behind:0.#} pts behind") : "on track";
        return new HealthSignal(ScrumModule.Id, "Burndown", HealthDimension.Schedule, rag, value,
            F($"{sprint.Name}, end of {latest.Date:yyyy-MM-dd}: {remaining:0.#} points remain against {latest.IdealPoints:0.#} on the ideal line") +
            (behind > 0 ? F($" ({share:P0} of the {basis:0.#}-point commitment behind).") : "."));
    }

    /// <summary>The last completed sprint's velocity below 80 % of the average of the three before it: amber; below 60 %: red.</summary>
    internal static HealthSignal VelocityDrop(IReadOnlyList<decimal> completed)
    {
        if (completed.Count < 2)
            return new HealthSignal(ScrumModule.Id, "Velocity", HealthDimension.Schedule, Rag.Green, F($"{completed.Count} sprint(s)"),
                "Fewer than two completed sprints: too early to compare velocity.");
        var last = completed[^1];
        var before = completed.Take(completed.Count - 1).ToList();
        var average = Velocity.AverageOfLast(before)!.Value;
        var ratio = average == 0 ? 1 : last / average;
        var rag = ratio < 0.6m ? Rag.Red : ratio < 0.8m ? Rag.Amber : Rag.Green;
        return new HealthSignal(ScrumModule.Id, "Velocity", HealthDimension.Schedule, rag, F($"{last:0.#} pts"),
            F($"The last sprint completed {last:0.#} points; the average of the {Math.Min(3, before.Count)} before it is {average:0.#} ({ratio:P0})."));
    }

    /// <summary>Commitment over capacity, or over 120 % of the average velocity of the last three sprints: amber; both, or over 150 % of that velocity: red.</summary>
    internal static HealthSignal Overcommitted(Sprint sprint, decimal? averageVelocity)
    {
        var commitment = sprint.State == SprintState.Active ? sprint.CommittedPoints ?? sprint.PlannedPoints : sprint.PlannedPoints;
        var overCapacity = sprint.CapacityPoints > 0 && commitment > sprint.CapacityPoints;
        var overVelocity = averageVelocity is > 0 && commitment > 1.2m * averageVelocity.Value;
        var farOver = averageVelocity is > 0 && commitment > 1.5m * averageVelocity.Value;
        var rag = (overCapacity && overVelocity) || farOver ? Rag.Red : overCapacity || overVelocity ? Rag.Amber : Rag.Green;
        var velocityText = averageVelocity is { } v ? F($"average velocity {v:0.#}") : "no velocity yet";
        return new HealthSignal(ScrumModule.Id, "Commitment", HealthDimension.Scope, rag, F($"{commitment:0.#} pts"),
            F($"{sprint.Name} commits {commitment:0.#} points against a capacity of {sprint.CapacityPoints:0.#} and {velocityText}") +
            (rag == Rag.Green ? "." : ": overcommitted."));
    }

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
