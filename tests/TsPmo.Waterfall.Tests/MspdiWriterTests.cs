using System.Xml.Linq;
using TsPmo.Waterfall.Engine.Calendars;
using TsPmo.Waterfall.Engine.Mspdi;
using TsPmo.Waterfall.Engine.Scheduling;

namespace TsPmo.Waterfall.Tests;

public sealed class MspdiWriterTests
{
    private static readonly XNamespace Ns = MspdiReader.Namespace;

    private static (MspdiProject Project, Schedule Schedule) Prepare(MspdiProject project)
    {
        // Splits read from timephased data are not exported (see the docs), so compare duration-driven schedules.
        var plain = project with { Tasks = project.Tasks.Select(t => t with { Plan = t.Plan with { WorkSpanMinutes = null } }).ToList() };
        return (plain, CpmScheduler.Compute(plain.ToPlanInput()));
    }

    private static (MspdiProject Again, Schedule Rescheduled, byte[] Xml) RoundTrip(MspdiProject project, Schedule schedule)
    {
        using var buffer = new MemoryStream();
        MspdiWriter.Write(project, schedule, buffer);
        var xml = buffer.ToArray();
        var again = MspdiReader.Read(new MemoryStream(xml));
        return (again, CpmScheduler.Compute(again.ToPlanInput()), xml);
    }

    private static void AssertSame(MspdiProject a, Schedule sa, MspdiProject b, Schedule sb)
    {
        Assert.Equal(a.Tasks.Select(t => (t.Plan.Id, t.Plan.Name, t.Plan.ParentId, t.OutlineLevel)), b.Tasks.Select(t => (t.Plan.Id, t.Plan.Name, t.Plan.ParentId, t.OutlineLevel)));
        var leaves = a.Tasks.Where(t => !a.Tasks.Any(c => c.Plan.ParentId == t.Plan.Id)).Select(t => t.Plan.Id).ToHashSet();
        Assert.Equal(
            a.Tasks.Where(t => leaves.Contains(t.Plan.Id)).Select(t => (t.Plan.DurationMinutes, t.Plan.ElapsedDuration, t.Plan.Milestone, t.Plan.Constraint, t.Plan.ConstraintDate, t.Plan.ActualStart, t.Plan.ActualFinish, t.Plan.Manual, t.PlannedCostMinor, t.Plan.LevelingDelayMinutes)),
            b.Tasks.Where(t => leaves.Contains(t.Plan.Id)).Select(t => (t.Plan.DurationMinutes, t.Plan.ElapsedDuration, t.Plan.Milestone, t.Plan.Constraint, t.Plan.ConstraintDate, t.Plan.ActualStart, t.Plan.ActualFinish, t.Plan.Manual, t.PlannedCostMinor, t.Plan.LevelingDelayMinutes)));
        Assert.Equal(a.Links, b.Links);
        Assert.Equal(sa.Tasks.Select(t => (t.Id, t.EarlyStart, t.EarlyFinish, t.Critical)), sb.Tasks.Select(t => (t.Id, t.EarlyStart, t.EarlyFinish, t.Critical)));
        Assert.Equal(sa.Finish, sb.Finish);
        Assert.Equal(a.Resources, b.Resources);
        Assert.Equal(a.Assignments, b.Assignments);
    }

    [Fact]
    public void Inline_plan_survives_write_and_read()
    {
        var (project, schedule) = Prepare(MspdiReaderTests.Read(MspdiReaderTests.Plan()));
        var (again, rescheduled, xml) = RoundTrip(project, schedule);
        AssertSame(project, schedule, again, rescheduled);
        Assert.Equal(project.MinutesPerDay, again.MinutesPerDay);
        Assert.Equal(project.TaskCalendars.Keys, again.TaskCalendars.Keys);

        var cal = new WorkingCalendar(again.Calendar);
        Assert.False(cal.IsWorkingDay(new DateOnly(2026, 1, 7)));
        Assert.False(cal.IsWorkingDay(new DateOnly(2028, 12, 25))); // a Monday: the recurring exception survived
        Assert.Equal(450, cal.WorkingMinutesOn(new DateOnly(2026, 1, 5)));

        // The shape Microsoft Project needs: namespace, SaveVersion 14, UID 0 first, elements in schema order.
        var doc = XDocument.Load(new MemoryStream(xml));
        Assert.Equal(Ns + "Project", doc.Root!.Name);
        Assert.Equal("14", doc.Root.Element(Ns + "SaveVersion")!.Value);
        var tasks = doc.Root.Element(Ns + "Tasks")!.Elements(Ns + "Task").ToList();
        Assert.Equal("0", tasks[0].Element(Ns + "UID")!.Value);
        Assert.Equal("1", tasks[1].Element(Ns + "Summary")!.Value);
        Assert.Equal("1.1", tasks[2].Element(Ns + "OutlineNumber")!.Value);
        var order = tasks[4].Elements().Select(e => e.Name.LocalName).ToList();
        AssertInOrder(order, "UID", "ID", "Name", "Manual", "Type", "IsNull", "WBS", "OutlineNumber", "OutlineLevel", "Start", "Finish",
            "Duration", "DurationFormat", "Milestone", "Summary", "Critical", "EarlyStart", "LateFinish", "TotalSlack", "PercentComplete",
            "Cost", "ActualCost", "ConstraintType", "CalendarUID", "ConstraintDate", "Deadline", "PredecessorLink");
        AssertInOrder(doc.Root.Elements().Select(e => e.Name.LocalName).ToList(),
            "SaveVersion", "Name", "StartDate", "FinishDate", "CalendarUID", "MinutesPerDay", "MinutesPerWeek", "DaysPerMonth", "Calendars", "Tasks", "Resources", "Assignments");
    }

    private static void AssertInOrder(List<string> actual, params string[] expected)
    {
        var positions = expected.Select(e => actual.IndexOf(e)).ToList();
        Assert.DoesNotContain(-1, positions);
        Assert.Equal(positions.Order(), positions);
    }

    [Fact]
    public void Characters_xml_cannot_carry_are_dropped_not_fatal()
    {
        var task = new MspdiTask(new PlanTask { Id = 1, Name = "Bell\u0007 and emoji 🚀", DurationMinutes = 480 }, 1, null, null, null, null, 0, 0, "line\u0001break");
        var project = new MspdiProject
        {
            Name = "Odd\u000Bname", Start = new DateTime(2026, 1, 5, 8, 0, 0), Calendar = CalendarDefinition.Standard, Tasks = [task], Links = [],
        };
        var (again, _, _) = RoundTrip(project, CpmScheduler.Compute(project.ToPlanInput()));
        Assert.Equal("Bell and emoji 🚀", again.Tasks[0].Plan.Name);
        Assert.Equal("linebreak", again.Tasks[0].Notes);
        Assert.Equal("Oddname", again.Name);
    }

    [Fact]
    public void Every_sample_survives_write_and_read()
    {
        var folder = MspdiConformanceTests.SamplesFolder();
        if (folder is null) return;
        foreach (var file in Directory.GetFiles(folder, "*.xml"))
        {
            MspdiProject original;
            using (var stream = File.OpenRead(file)) original = MspdiReader.Read(stream);
            var (project, schedule) = Prepare(original);
            var (again, rescheduled, _) = RoundTrip(project, schedule);
            AssertSame(project, schedule, again, rescheduled);
        }
    }
}
