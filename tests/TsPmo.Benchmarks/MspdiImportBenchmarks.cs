using BenchmarkDotNet.Attributes;
using TsPmo.Waterfall.Engine.Calendars;
using TsPmo.Waterfall.Engine.Mspdi;
using TsPmo.Waterfall.Engine.Scheduling;

namespace TsPmo.Benchmarks;

/// <summary>
/// The engine's share of an MS Project import (the whole API import must stay under 2 s): parse a 2,000-task MSPDI
/// document (4,000 links, calendar, resources, assignments — written by <see cref="MspdiWriter"/> in setup) and
/// schedule it.
/// </summary>
[MemoryDiagnoser]
public class MspdiImportBenchmarks
{
    private byte[] xml = [];

    [GlobalSetup]
    public void Setup()
    {
        var project = WaterfallPlans.Project(2_000, 4_000);
        var schedule = CpmScheduler.Compute(new PlanInput(project.Start, project.Calendar, project.Tasks.Select(t => t.Plan).ToList(), project.Links));
        using var buffer = new MemoryStream();
        MspdiWriter.Write(project, schedule, buffer);
        xml = buffer.ToArray();
    }

    [Benchmark]
    public Schedule ReadAndSchedule2000Tasks()
    {
        var project = MspdiReader.Read(new MemoryStream(xml, writable: false));
        return CpmScheduler.Compute(project.ToPlanInput());
    }
}
