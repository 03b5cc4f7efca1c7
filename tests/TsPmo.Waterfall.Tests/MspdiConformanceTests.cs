using TsPmo.Waterfall.Engine.Calendars;
using TsPmo.Waterfall.Engine.Mspdi;
using TsPmo.Waterfall.Engine.Scheduling;
using Xunit.Abstractions;

namespace TsPmo.Waterfall.Tests;

/// <summary>
/// Imports every MSPDI file in the shared samples folder (found in place, never copied into the repository),
/// schedules it and compares each plain leaf task (not manual, no actual start, As Soon As Possible) with the dates
/// Microsoft Project stored: start day, finish day (a finish at the first working minute belongs to the previous
/// working day) and the Critical flag. The bar is 95 % of starts, of finishes and of critical flags on each file, at least one
/// task compared per file, and the project finish day equal to the file's.
/// </summary>
public sealed class MspdiConformanceTests(ITestOutputHelper output)
{
    internal static string? SamplesFolder() => TestSamples.MspdiFolder();

    internal sealed record Result(string File, int Compared, int Starts, int Finishes, int Critical, bool ProjectFinish, IReadOnlyList<string> Misses);

    internal static Result Check(string path)
    {
        MspdiProject project;
        using (var stream = File.OpenRead(path)) project = MspdiReader.Read(stream);
        var schedule = CpmScheduler.Compute(project.ToPlanInput());
        var cal = new WorkingCalendar(project.Calendar);
        var byId = schedule.Tasks.ToDictionary(t => t.Id);
        var parents = project.Tasks.Where(t => t.Plan.ParentId is not null).Select(t => t.Plan.ParentId!.Value).ToHashSet();
        int compared = 0, starts = 0, finishes = 0, critical = 0;
        var misses = new List<string>();
        foreach (var t in project.Tasks)
        {
            var p = t.Plan;
            if (parents.Contains(p.Id) || p.Manual || p.ActualStart is not null || p.Constraint != ConstraintKind.AsSoonAsPossible) continue;
            if (t.Start is not { } fileStart || t.Finish is not { } fileFinish) continue;
            compared++;
            var s = byId[p.Id];
            var startOk = s.EarlyStart.Date == fileStart.Date;
            var finishOk = cal.FinishDay(s.EarlyFinish) == cal.FinishDay(fileFinish);
            if (startOk) starts++;
            if (finishOk) finishes++;
            if (t.Critical is null || t.Critical == s.Critical) critical++;
            if (!startOk || !finishOk || (t.Critical is { } c && c != s.Critical))
                misses.Add($"  {p.Id} \"{p.Name}\": start {s.EarlyStart:yyyy-MM-dd HH:mm} vs {fileStart:yyyy-MM-dd HH:mm}, finish {s.EarlyFinish:yyyy-MM-dd HH:mm} vs {fileFinish:yyyy-MM-dd HH:mm}, critical {s.Critical} vs {t.Critical}");
        }

        var projectFinish = project.Finish is not { } pf || cal.FinishDay(schedule.Finish) == cal.FinishDay(pf);
        return new Result(Path.GetFileName(path), compared, starts, finishes, critical, projectFinish, misses);
    }

    [Fact]
    public void Every_sample_schedules_like_Microsoft_Project()
    {
        var folder = SamplesFolder();
        if (folder is null)
        {
            output.WriteLine("MSPDI samples folder not found (set TSPMO_SAMPLES or TSPMO_MSPDI_SAMPLES); nothing to compare.");
            return;
        }

        var files = Directory.GetFiles(folder, "*.xml").Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var r = Check(file);
            output.WriteLine($"{r.File}: starts {r.Starts}/{r.Compared}, finishes {r.Finishes}/{r.Compared}, critical {r.Critical}/{r.Compared}, project finish {(r.ProjectFinish ? "matches" : "differs")}");
            foreach (var m in r.Misses) output.WriteLine(m);
            Assert.True(r.Compared > 0, $"{r.File}: no task was compared");
            Assert.True(r.Starts >= 0.95 * r.Compared, $"{r.File}: only {r.Starts} of {r.Compared} starts match");
            Assert.True(r.Finishes >= 0.95 * r.Compared, $"{r.File}: only {r.Finishes} of {r.Compared} finishes match");
            Assert.True(r.Critical >= 0.95 * r.Compared, $"{r.File}: only {r.Critical} of {r.Compared} critical flags match");
            Assert.True(r.ProjectFinish, $"{r.File}: the project finish differs from the file's");
        }
    }
}
