using BenchmarkDotNet.Attributes;
using TsPmo.Reporting.Domain;
using TsPmo.Reporting.Engine;
using TsPmo.Sdk.Ports.Directory;
using TsPmo.Sdk.Ports.Health;
using TsPmo.Sdk.Ports.Methodology;

namespace TsPmo.Benchmarks;

/// <summary>
/// The pure part of a full portfolio rebuild (issue 8): health rules for 1,000 projects with 6 signals each and some
/// overrides, then the KPIs over them. The database and the modules' signal queries come on top (see load/reporting.sh).
/// </summary>
[MemoryDiagnoser]
public class PortfolioHealthBenchmarks
{
    private static readonly DateOnly Today = new(2026, 11, 26);
    private readonly List<(ProjectInfo Project, MethodologyProgress Progress, List<HealthSignal> Signals)> _projects = [];
    private readonly List<HealthOverride> _overrides = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(8);
        var phases = new[] { "Planning", "Execution", "Execution", "Closing", "Closed" };
        for (var id = 1; id <= 1000; id++)
        {
            var start = Today.AddDays(-random.Next(30, 400));
            var project = new ProjectInfo(id, "P" + id, "Project " + id, "agile", phases[id % phases.Length], start, start.AddDays(random.Next(60, 500)), null, false)
            {
                BudgetMinor = random.Next(1, 100) * 1_000_000L, Currency = "EUR", ClosedOn = id % 5 == 4 ? start.AddDays(random.Next(60, 500)) : null,
            };
            var progress = new MethodologyProgress(random.Next(0, 100), random.Next(0, 80), "items", project.TargetDate!.Value.AddDays(random.Next(-20, 60)), project.TargetDate)
            {
                ActualCostMinor = random.Next(0, 100) * 900_000L,
            };
            var signals = Enumerable.Range(0, 6).Select(i => new HealthSignal("m", "s" + i, (HealthDimension)(i % 5), (Rag)random.Next(0, 3), "v", "e")).ToList();
            _projects.Add((project, progress, signals));
            if (id % 20 == 0) _overrides.Add(new HealthOverride(id, id, HealthDimension.Schedule, Rag.Amber, "c", Today.AddDays(7), "pmo", DateTimeOffset.UnixEpoch));
        }
    }

    [Benchmark]
    public PortfolioKpis HealthAndKpisOf1000Projects()
    {
        var overrides = _overrides.ToLookup(o => o.ProjectId);
        var rows = _projects.Select(p =>
        {
            var signals = p.Signals.Concat(CoreSignals.For(p.Project, p.Progress, Today)).ToList();
            return new ProjectRow(p.Project, p.Progress, HealthCalculator.Evaluate(p.Project.Id, signals, overrides[p.Project.Id], Today), null);
        }).ToList();
        return KpiCalculator.Compute(rows);
    }
}
