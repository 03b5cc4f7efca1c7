using System.Globalization;
using System.Text;

namespace TsPmo.Waterfall.Tests;

/// <summary>
/// Small Microsoft Project XML files written by hand for the import tests (the samples folder is never copied into the
/// repository): the Standard calendar, tasks with outline levels and durations, FS links, resources and assignments.
/// </summary>
internal static class WaterfallMspdiXml
{
    public sealed record Task(int Uid, string Name, int Level, int DurationHours, bool Milestone = false, int[]? Predecessors = null, string? Resource = null);

    public static string Build(string name, DateTime start, IReadOnlyList<Task> tasks, IReadOnlyList<(int Uid, string Name, string? Email)>? resources = null)
    {
        var x = new StringBuilder();
        x.Append("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>""").Append('\n');
        x.Append("""<Project xmlns="http://schemas.microsoft.com/project">""");
        x.Append($"<Name>{name}</Name><StartDate>{D(start)}</StartDate><ScheduleFromStart>1</ScheduleFromStart><MinutesPerDay>480</MinutesPerDay><MinutesPerWeek>2400</MinutesPerWeek><DaysPerMonth>20</DaysPerMonth><CalendarUID>1</CalendarUID>");
        x.Append("<Calendars><Calendar><UID>1</UID><Name>Standard</Name><IsBaseCalendar>1</IsBaseCalendar><WeekDays>");
        for (var day = 1; day <= 7; day++)
        {
            if (day is 1 or 7) { x.Append($"<WeekDay><DayType>{day}</DayType><DayWorking>0</DayWorking></WeekDay>"); continue; }
            x.Append($"<WeekDay><DayType>{day}</DayType><DayWorking>1</DayWorking><WorkingTimes><WorkingTime><FromTime>08:00:00</FromTime><ToTime>12:00:00</ToTime></WorkingTime><WorkingTime><FromTime>13:00:00</FromTime><ToTime>17:00:00</ToTime></WorkingTime></WorkingTimes></WeekDay>");
        }
        x.Append("</WeekDays></Calendar></Calendars><Tasks>");
        x.Append($"<Task><UID>0</UID><ID>0</ID><Name>{name}</Name><OutlineLevel>0</OutlineLevel><Summary>1</Summary><Start>{D(start)}</Start></Task>");
        for (var i = 0; i < tasks.Count; i++)
        {
            var t = tasks[i];
            var summary = i + 1 < tasks.Count && tasks[i + 1].Level > t.Level;
            x.Append($"<Task><UID>{t.Uid}</UID><ID>{i + 1}</ID><Name>{System.Security.SecurityElement.Escape(t.Name)}</Name><OutlineLevel>{t.Level}</OutlineLevel>");
            x.Append($"<Summary>{(summary ? 1 : 0)}</Summary><Milestone>{(t.Milestone ? 1 : 0)}</Milestone><Duration>PT{t.DurationHours}H0M0S</Duration><DurationFormat>7</DurationFormat>");
            x.Append($"<ConstraintType>0</ConstraintType><Cost>{t.DurationHours * 100}</Cost>");
            foreach (var p in t.Predecessors ?? []) x.Append($"<PredecessorLink><PredecessorUID>{p}</PredecessorUID><Type>1</Type><LinkLag>0</LinkLag><LagFormat>7</LagFormat></PredecessorLink>");
            x.Append("</Task>");
        }
        x.Append("</Tasks><Resources>");
        foreach (var r in resources ?? []) x.Append($"<Resource><UID>{r.Uid}</UID><ID>{r.Uid}</ID><Name>{r.Name}</Name>{(r.Email is null ? "" : $"<EmailAddress>{r.Email}</EmailAddress>")}<Type>1</Type></Resource>");
        x.Append("</Resources><Assignments>");
        var a = 1;
        foreach (var t in tasks.Where(t => t.Resource is not null))
        {
            var r = resources!.First(r => r.Name == t.Resource);
            x.Append($"<Assignment><UID>{a++}</UID><TaskUID>{t.Uid}</TaskUID><ResourceUID>{r.Uid}</ResourceUID><Work>PT{t.DurationHours}H0M0S</Work></Assignment>");
        }
        x.Append("</Assignments></Project>");
        return x.ToString();
    }

    /// <summary>A plan of <paramref name="count"/> tasks: phases of 20 (a summary and 19 tasks chained FS, every tenth linked to the previous phase).</summary>
    public static string Large(int count, DateTime start)
    {
        var tasks = new List<Task>(count);
        var uid = 1;
        var lastOfPhase = 0;
        while (tasks.Count < count)
        {
            tasks.Add(new Task(uid++, $"Phase {tasks.Count / 20 + 1}", 1, 0));
            var previous = 0;
            for (var i = 0; i < 19 && tasks.Count < count; i++)
            {
                int[] preds = previous > 0 ? [previous] : lastOfPhase > 0 ? [lastOfPhase] : [];
                tasks.Add(new Task(uid, $"Task {uid}", 2, 8 * (1 + uid % 5), Predecessors: preds));
                previous = uid++;
            }
            lastOfPhase = previous;
        }
        return Build("Large plan", start, tasks);
    }

    private static string D(DateTime d) => d.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
}
