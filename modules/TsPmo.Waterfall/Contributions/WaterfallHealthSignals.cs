using TsPmo.Sdk.Data;
using TsPmo.Sdk.Ports.Directory;
using TsPmo.Sdk.Ports.Health;
using TsPmo.Sdk.Time;
using TsPmo.Waterfall.Services;

namespace TsPmo.Waterfall.Contributions;

/// <summary>
/// Schedule health. SPI and CPI against the latest baseline (green ≥ 0.95, amber ≥ 0.85, red below: the usual 5 %/15 %
/// tolerance bands); critical tasks running late (should have started or finished by today and have not); milestones
/// past their date unfinished and tasks past their deadline (0 green, 1 amber, 2 or more red).
/// </summary>
public sealed class WaterfallHealthSignals(PlanService plan, BaselineService baselines, EarnedValueService evm, IProjectDirectory projects, IOrganizationClock clock)
    : IHealthSignalSource
{
    public const decimal Amber = 0.95m, Red = 0.85m;

    public async Task<IReadOnlyList<HealthSignal>> GetSignalsAsync(long projectId, CancellationToken ct = default)
    {
        if ((await projects.FindAsync(projectId, ct))?.MethodologyId != WaterfallModule.Id) return [];
        var reader = await plan.ReadAsync(projectId, ct);
        if (reader.State.Tasks.Count == 0) return [];
        var today = clock.Today;
        var signals = new List<HealthSignal>();

        if (await baselines.ResolveAsync(projectId, null, ct) is { } baseline)
        {
            try
            {
                var f = (await evm.ComputeAsync(projectId, today, baseline.Id, ct)).Reading.Figures;
                signals.Add(Index("Schedule performance (SPI)", HealthDimension.Schedule, f.Spi, $"EV {f.Ev:N0} against PV {f.Pv:N0} at {today:yyyy-MM-dd}, baseline \"{baseline.Name}\"."));
                signals.Add(Index("Cost performance (CPI)", HealthDimension.Cost, f.Cpi, $"EV {f.Ev:N0} against AC {f.Ac:N0} at {today:yyyy-MM-dd}, baseline \"{baseline.Name}\"."));
            }
            catch (RuleViolationException) { }
        }

        var leaves = reader.State.Tasks.Where(t => !reader.IsSummary(t)).ToList();
        var late = leaves.Where(t => t.Critical && t.PercentComplete < 100 &&
            (reader.FinishDay(t, t.EarlyFinish) < today || (t.ActualStart is null && reader.StartDay(t, t.EarlyStart) < today))).Select(t => t.Name).ToList();
        signals.Add(new HealthSignal(WaterfallModule.Id, "Late critical tasks", HealthDimension.Schedule, Count(late.Count), $"{late.Count} task(s)",
            late.Count == 0 ? "Every critical task has started and finished when the schedule says."
                : "Critical tasks behind schedule (every day they slip moves the finish): " + string.Join(", ", late.Take(5)) + (late.Count > 5 ? "…" : "") + "."));

        var missed = leaves.Where(t => t.Milestone && t.PercentComplete < 100 && reader.FinishDay(t, t.EarlyFinish) < today).Select(t => t.Name)
            .Concat(leaves.Where(t => t.DeadlineMissed || (t.Deadline is { } d && DateOnly.FromDateTime(d) < today && t.PercentComplete < 100)).Select(t => t.Name))
            .Distinct().ToList();
        signals.Add(new HealthSignal(WaterfallModule.Id, "Milestones and deadlines", HealthDimension.Schedule, Count(missed.Count), $"{missed.Count} missed",
            missed.Count == 0 ? "No milestone or deadline has been missed." : "Missed: " + string.Join(", ", missed.Take(5)) + (missed.Count > 5 ? "…" : "") + "."));
        return signals;
    }

    private static Rag Count(int n) => n == 0 ? Rag.Green : n == 1 ? Rag.Amber : Rag.Red;

    private static HealthSignal Index(string name, HealthDimension dimension, decimal? value, string explanation) => value is { } v
        ? new HealthSignal(WaterfallModule.Id, name, dimension, v >= Amber ? Rag.Green : v >= Red ? Rag.Amber : Rag.Red, v.ToString("0.00"),
            $"{explanation} Green from {Amber:0.00}, amber from {Red:0.00}.")
        : new HealthSignal(WaterfallModule.Id, name, dimension, Rag.Green, "—", explanation + " Nothing to measure yet.");
}
