using System.Globalization;
using System.Text;
using System.Xml;
using TsPmo.Waterfall.Engine.Calendars;
using TsPmo.Waterfall.Engine.Scheduling;

namespace TsPmo.Waterfall.Engine.Mspdi;

/// <summary>Writes MSPDI that Microsoft Project and ProjectLibre open. CONTRACT: signature fixed.</summary>
/// <remarks>
/// Microsoft Project validates against the MSPDI schema, whose children are <c>xsd:sequence</c>s: elements must come
/// in schema order or the file is refused. The order below follows the Project 2010 schema (SaveVersion 14), which
/// Project 2010–2021 and ProjectLibre (through MPXJ) read. Money is written as MSPDI stores it, hundredths of the
/// currency unit (minor units with two currency digits); lags and slack in tenths of a minute.
/// </remarks>
public static class MspdiWriter
{
    private const int ProjectCalendarUid = 1;

    /// <summary>Writes <paramref name="project"/>; task Start/Finish come from <paramref name="schedule"/> (same task ids).</summary>
    public static void Write(MspdiProject project, Schedule schedule, Stream output)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(output);

        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, IndentChars = "\t", CloseOutput = false };
        using var w = XmlWriter.Create(output, settings);
        new Writer(w, project, schedule).Write();
    }

    private sealed class Writer(XmlWriter w, MspdiProject project, Schedule schedule)
    {
        private readonly Dictionary<long, ScheduledTask> _scheduled = schedule.Tasks.ToDictionary(t => t.Id);
        private readonly WorkingCalendar _calendar = new(project.Calendar);
        private readonly Dictionary<string, int> _calendarUids = [];

        public void Write()
        {
            AssignCalendarUids();
            w.WriteStartDocument(true);
            w.WriteStartElement("Project", MspdiReader.Namespace);
            El("SaveVersion", "14");
            El("Name", project.Name);
            El("Title", project.Name);
            El("ScheduleFromStart", "1");
            El("StartDate", MspdiValues.FormatDate(schedule.Start));
            El("FinishDate", MspdiValues.FormatDate(schedule.Finish));
            El("FYStartDate", "1");
            El("CriticalSlackLimit", "0");
            El("CurrencyDigits", "2");
            if (project.CurrencyCode is { Length: > 0 } currency) El("CurrencyCode", currency);
            El("CalendarUID", ProjectCalendarUid);
            El("DefaultStartTime", MspdiValues.FormatTimeOfDay(DefaultStartMinute()));
            El("MinutesPerDay", project.MinutesPerDay);
            El("MinutesPerWeek", project.MinutesPerWeek);
            El("DaysPerMonth", project.DaysPerMonth);
            El("DurationFormat", "7");
            El("HonorConstraints", project.HonorConstraintDates ? "0" : "1"); // inverted, as Project writes it
            El("NewTasksEffortDriven", "0");
            if (project.StatusDate is { } status) El("StatusDate", MspdiValues.FormatDate(status));

            w.WriteStartElement("Calendars");
            WriteCalendar(ProjectCalendarUid, project.Calendar);
            foreach (var (key, uid) in _calendarUids) WriteCalendar(uid, project.TaskCalendars[key]);
            w.WriteEndElement();

            WriteTasks();
            WriteResources();
            WriteAssignments();
            w.WriteEndElement();
            w.WriteEndDocument();
        }

        private void AssignCalendarUids()
        {
            var used = new HashSet<int> { ProjectCalendarUid };
            var next = 2;
            foreach (var key in project.TaskCalendars.Keys.Order(StringComparer.Ordinal))
            {
                // Keep a file's own calendar UID when it is free, so a re-import maps to the same key.
                if (!int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var uid) || uid <= 0 || !used.Add(uid))
                {
                    while (!used.Add(next)) next++;
                    uid = next;
                }

                _calendarUids[key] = uid;
            }
        }

        private int DefaultStartMinute()
        {
            var monday = project.Calendar.Week.TryGetValue(DayOfWeek.Monday, out var day) && day.Count > 0 ? day : null;
            return monday?.Min(i => i.StartMinute) ?? 8 * 60;
        }

        private void WriteCalendar(int uid, CalendarDefinition cal)
        {
            w.WriteStartElement("Calendar");
            El("UID", uid);
            El("Name", cal.Name);
            El("IsBaseCalendar", "1");
            El("BaseCalendarUID", "-1");
            w.WriteStartElement("WeekDays");
            for (var d = DayOfWeek.Sunday; d <= DayOfWeek.Saturday; d++)
            {
                w.WriteStartElement("WeekDay");
                El("DayType", (int)d + 1);
                var intervals = cal.Week.TryGetValue(d, out var list) ? list : [];
                El("DayWorking", intervals.Count > 0 ? "1" : "0");
                WriteWorkingTimes(intervals);
                w.WriteEndElement();
            }

            w.WriteEndElement();
            if (cal.Exceptions.Count > 0)
            {
                w.WriteStartElement("Exceptions");
                foreach (var ex in cal.Exceptions)
                {
                    var (from, to) = ex.From <= ex.To ? (ex.From, ex.To) : (ex.To, ex.From);
                    w.WriteStartElement("Exception");
                    El("EnteredByOccurrences", "0");
                    w.WriteStartElement("TimePeriod");
                    El("FromDate", MspdiValues.FormatDate(from.ToDateTime(TimeOnly.MinValue)));
                    El("ToDate", MspdiValues.FormatDate(to.ToDateTime(new TimeOnly(23, 59))));
                    w.WriteEndElement();
                    El("Occurrences", to.DayNumber - from.DayNumber + 1);
                    El("Name", ex.Name ?? (ex.Working.Count > 0 ? "Working time" : "Non-working"));
                    El("Type", "1");
                    El("DayWorking", ex.Working.Count > 0 ? "1" : "0");
                    WriteWorkingTimes(ex.Working);
                    w.WriteEndElement();
                }

                w.WriteEndElement();
            }

            w.WriteEndElement();
        }

        private void WriteWorkingTimes(IReadOnlyList<WorkingInterval> intervals)
        {
            if (intervals.Count == 0) return;
            w.WriteStartElement("WorkingTimes");
            foreach (var i in intervals.OrderBy(i => i.StartMinute).Take(5)) // the schema allows five shifts a day
            {
                w.WriteStartElement("WorkingTime");
                El("FromTime", MspdiValues.FormatTimeOfDay(i.StartMinute));
                El("ToTime", MspdiValues.FormatTimeOfDay(i.EndMinute)); // 1440 → 00:00:00, midnight at the end of the day
                w.WriteEndElement();
            }

            w.WriteEndElement();
        }

        private void WriteTasks()
        {
            var tasks = project.Tasks;
            var summaries = new HashSet<long>(tasks.Where(t => t.Plan.ParentId is not null).Select(t => t.Plan.ParentId!.Value));
            var outlineNumbers = OutlineNumbers(tasks);
            var linksBySuccessor = project.Links.GroupBy(l => l.SuccessorId).ToDictionary(g => g.Key, g => g.ToList());

            w.WriteStartElement("Tasks");

            // UID 0: the project summary task Project expects first.
            w.WriteStartElement("Task");
            El("UID", 0);
            El("ID", 0);
            El("Name", project.Name);
            El("Type", "1");
            El("IsNull", "0");
            El("OutlineNumber", "0");
            El("OutlineLevel", 0);
            El("Start", MspdiValues.FormatDate(schedule.Start));
            El("Finish", MspdiValues.FormatDate(schedule.Finish));
            El("Duration", MspdiValues.FormatDuration(Math.Max(0, _calendar.WorkingMinutesBetween(schedule.Start, schedule.Finish))));
            El("DurationFormat", "21");
            El("Milestone", "0");
            El("Summary", "1");
            El("ConstraintType", "0");
            El("CalendarUID", "-1");
            w.WriteEndElement();

            for (var index = 0; index < tasks.Count; index++)
            {
                var t = tasks[index];
                var p = t.Plan;
                var summary = summaries.Contains(p.Id);
                _scheduled.TryGetValue(p.Id, out var s);
                var start = s?.EarlyStart ?? t.Start ?? schedule.Start;
                var finish = s?.EarlyFinish ?? t.Finish ?? start;
                var duration = summary ? Math.Max(0, _calendar.WorkingMinutesBetween(start, finish)) : Math.Max(0, p.DurationMinutes);

                w.WriteStartElement("Task");
                El("UID", p.Id);
                El("ID", index + 1);
                El("Name", p.Name);
                El("Active", "1");
                El("Manual", p.Manual && !summary ? "1" : "0");
                El("Type", "1"); // fixed duration: the duration we write is the one to keep
                El("IsNull", "0");
                El("WBS", t.Wbs is { Length: > 0 } wbs ? wbs : outlineNumbers[index]);
                El("OutlineNumber", outlineNumbers[index]);
                El("OutlineLevel", Math.Max(1, t.OutlineLevel));
                El("Priority", "500");
                El("Start", MspdiValues.FormatDate(start));
                El("Finish", MspdiValues.FormatDate(finish));
                El("Duration", MspdiValues.FormatDuration(duration));
                if (p.Manual && !summary)
                {
                    El("ManualStart", MspdiValues.FormatDate(p.ManualStart ?? start));
                    El("ManualFinish", MspdiValues.FormatDate(p.ManualFinish ?? finish));
                    El("ManualDuration", MspdiValues.FormatDuration(duration));
                }

                El("DurationFormat", p.ElapsedDuration && !summary ? "8" : "7");
                El("Estimated", "0");
                El("Milestone", p.Milestone && !summary ? "1" : "0");
                El("Summary", summary ? "1" : "0");
                El("Critical", s?.Critical == true ? "1" : "0");
                if (s is not null)
                {
                    El("EarlyStart", MspdiValues.FormatDate(s.EarlyStart));
                    El("EarlyFinish", MspdiValues.FormatDate(s.EarlyFinish));
                    El("LateStart", MspdiValues.FormatDate(s.LateStart));
                    El("LateFinish", MspdiValues.FormatDate(s.LateFinish));
                    El("FreeSlack", s.FreeFloatMinutes * 10);
                    El("TotalSlack", s.TotalFloatMinutes * 10);
                }

                El("PercentComplete", (int)Math.Round(p.PercentComplete, MidpointRounding.AwayFromZero));
                El("Cost", t.PlannedCostMinor);
                if (p.ActualStart is { } actualStart) El("ActualStart", MspdiValues.FormatDate(actualStart));
                if (p.ActualFinish is { } actualFinish) El("ActualFinish", MspdiValues.FormatDate(actualFinish));
                El("ActualCost", t.ActualCostMinor);
                El("ConstraintType", (int)p.Constraint);
                El("CalendarUID", p.CalendarKey is { } key && _calendarUids.TryGetValue(key, out var cu) ? cu : -1);
                if (p.ConstraintDate is { } cd && p.Constraint is not ConstraintKind.AsSoonAsPossible and not ConstraintKind.AsLateAsPossible)
                    El("ConstraintDate", MspdiValues.FormatDate(cd));
                if (p.Deadline is { } deadline) El("Deadline", MspdiValues.FormatDate(deadline));
                if (p.LevelingDelayMinutes > 0)
                {
                    El("LevelingDelay", p.LevelingDelayMinutes * 10);
                    El("LevelingDelayFormat", p.LevelingDelayElapsed ? "8" : "7");
                }
                if (t.Notes is { Length: > 0 } notes) El("Notes", notes);

                if (linksBySuccessor.TryGetValue(p.Id, out var links))
                {
                    foreach (var link in links) WriteLink(link);
                }

                w.WriteEndElement();
            }

            w.WriteEndElement();
        }

        private void WriteLink(PlanLink link)
        {
            w.WriteStartElement("PredecessorLink");
            El("PredecessorUID", link.PredecessorId);
            El("Type", link.Type switch
            {
                LinkType.FinishToFinish => 0,
                LinkType.StartToFinish => 2,
                LinkType.StartToStart => 3,
                _ => 1,
            });
            El("CrossProject", "0");
            switch (link.LagUnit)
            {
                case LagUnit.PercentOfPredecessor:
                    El("LinkLag", link.Lag); // percent lags hold the percentage itself
                    El("LagFormat", "19");
                    break;
                case LagUnit.ElapsedMinutes:
                    El("LinkLag", link.Lag * 10);
                    El("LagFormat", LagFormat(link.Lag, 24 * 60, elapsed: true));
                    break;
                default:
                    El("LinkLag", link.Lag * 10);
                    El("LagFormat", LagFormat(link.Lag, project.MinutesPerDay, elapsed: false));
                    break;
            }

            w.WriteEndElement();
        }

        /// <summary>Display unit only: days when the lag is whole days, else hours, else minutes (elapsed variants +1).</summary>
        private static int LagFormat(long minutes, int minutesPerDay, bool elapsed)
        {
            var format = minutes % Math.Max(1, minutesPerDay) == 0 ? 7 : minutes % 60 == 0 ? 5 : 3;
            return elapsed ? format + 1 : format;
        }

        private void WriteResources()
        {
            if (project.Resources.Count == 0) return;
            w.WriteStartElement("Resources");
            var id = 1;
            foreach (var r in project.Resources)
            {
                w.WriteStartElement("Resource");
                El("UID", r.Uid);
                El("ID", id++);
                El("Name", r.Name);
                El("Type", "1"); // work resource
                El("IsNull", "0");
                if (r.Email is { Length: > 0 } email) El("EmailAddress", email);
                El("MaxUnits", "1.00");
                w.WriteEndElement();
            }

            w.WriteEndElement();
        }

        private void WriteAssignments()
        {
            if (project.Assignments.Count == 0) return;
            w.WriteStartElement("Assignments");
            var uid = 1;
            foreach (var a in project.Assignments)
            {
                w.WriteStartElement("Assignment");
                El("UID", uid++);
                El("TaskUID", a.TaskUid);
                El("ResourceUID", a.ResourceUid);
                if (_scheduled.TryGetValue(a.TaskUid, out var s))
                {
                    El("Finish", MspdiValues.FormatDate(s.EarlyFinish));
                    El("Start", MspdiValues.FormatDate(s.EarlyStart));
                }

                El("Work", MspdiValues.FormatDuration(Math.Max(0, a.WorkMinutes)));
                w.WriteEndElement();
            }

            w.WriteEndElement();
        }

        /// <summary>Outline numbers (1, 1.1, 1.2, 2…) from the parent links, in task order.</summary>
        private static string[] OutlineNumbers(IReadOnlyList<MspdiTask> tasks)
        {
            var numbers = new string[tasks.Count];
            var byId = new Dictionary<long, int>();
            var childCount = new Dictionary<long, int>();
            var topLevel = 0;
            for (var i = 0; i < tasks.Count; i++)
            {
                var p = tasks[i].Plan;
                if (p.ParentId is { } parent && byId.TryGetValue(parent, out var pi))
                {
                    var n = childCount[parent] = childCount.GetValueOrDefault(parent) + 1;
                    numbers[i] = numbers[pi] + "." + n.ToString(CultureInfo.InvariantCulture);
                }
                else
                {
                    numbers[i] = (++topLevel).ToString(CultureInfo.InvariantCulture);
                }

                byId[p.Id] = i;
            }

            return numbers;
        }

        private void El(string name, string value) => w.WriteElementString(name, XmlText(value));

        /// <summary>Names and notes typed elsewhere can hold control characters XML 1.0 cannot carry; drop them rather than fail the export.</summary>
        private static string XmlText(string value)
        {
            var firstBad = -1;
            for (var i = 0; i < value.Length; i++)
            {
                if (XmlConvert.IsXmlChar(value[i])) continue;
                if (i + 1 < value.Length && XmlConvert.IsXmlSurrogatePair(value[i + 1], value[i])) { i++; continue; }
                firstBad = i;
                break;
            }

            if (firstBad < 0) return value;
            var sb = new StringBuilder(value.Length);
            for (var i = 0; i < value.Length; i++)
            {
                if (XmlConvert.IsXmlChar(value[i])) sb.Append(value[i]);
                else if (i + 1 < value.Length && XmlConvert.IsXmlSurrogatePair(value[i + 1], value[i])) { sb.Append(value[i]).Append(value[i + 1]); i++; }
            }

            return sb.ToString();
        }

        private void El(string name, long value) => w.WriteElementString(name, value.ToString(CultureInfo.InvariantCulture));
    }
}
