using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using TsPmo.Waterfall.Engine.Calendars;
using TsPmo.Waterfall.Engine.Scheduling;

namespace TsPmo.Waterfall.Engine.Mspdi;

/// <summary>Reads Microsoft Project XML (MSPDI, Project 2002 to 2019 dialects). CONTRACT: signature fixed.</summary>
/// <remarks>
/// Tolerant of what real files do (no namespace, ProjectLibre's Summary=0 on summaries, seconds in durations, the
/// 2002/2003 calendar dialect) and strict about what would make a wrong plan (duplicate UIDs, negative durations).
/// DTDs and external entities are never processed.
/// </remarks>
public static class MspdiReader
{
    public const string Namespace = "http://schemas.microsoft.com/project";

    /// <exception cref="MspdiFormatException">Malformed XML, not an MSPDI document, or an unusable plan.</exception>
    public static MspdiProject Read(Stream xml)
    {
        ArgumentNullException.ThrowIfNull(xml);
        XDocument doc;
        try
        {
            var settings = new XmlReaderSettings
            {
                DtdProcessing = DtdProcessing.Prohibit,
                XmlResolver = null,
                IgnoreComments = true,
                IgnoreProcessingInstructions = true,
                IgnoreWhitespace = true,
            };
            using var reader = XmlReader.Create(xml, settings);
            // No LoadOptions.SetLineInfo: it nearly triples the memory of a large plan; messages name the task instead.
            doc = XDocument.Load(reader, LoadOptions.None);
        }
        catch (XmlException ex)
        {
            throw new MspdiFormatException($"The file is not well-formed XML (line {ex.LineNumber}, position {ex.LinePosition}): {ex.Message}");
        }

        var root = doc.Root ?? throw new MspdiFormatException("The file has no root element.");
        if (root.Name.LocalName != "Project" || (root.Name.NamespaceName.Length > 0 && root.Name.NamespaceName != Namespace))
            throw new MspdiFormatException($"The root element is <{root.Name.LocalName}>{(root.Name.NamespaceName.Length > 0 ? " in namespace " + root.Name.NamespaceName : "")}, not Microsoft Project XML's <Project> ({Namespace}).");

        return new Parser(root).Parse();
    }

    private sealed class Parser(XElement root)
    {
        private readonly XNamespace _ns = root.Name.Namespace;

        public MspdiProject Parse()
        {
            var calendars = new MspdiCalendars(root.Element(_ns + "Calendars"), _ns);
            var projectCalendarUid = Long(root, "CalendarUID") is { } cu && calendars.Contains(cu) ? cu : calendars.FirstBaseCalendar;
            var projectCalendar = projectCalendarUid is { } pc ? calendars.Resolve(pc) : CalendarDefinition.Standard;

            var minutesPerDay = Positive(Int(root, "MinutesPerDay"), 480);
            var minutesPerWeek = Positive(Int(root, "MinutesPerWeek"), minutesPerDay * 5);
            var daysPerMonth = Positive(Int(root, "DaysPerMonth"), 20);
            var currencyDigits = Int(root, "CurrencyDigits") is { } cd and >= 0 and <= 6 ? cd : 2;

            var tasks = new List<MspdiTask>();
            var links = new List<PlanLink>();
            var taskCalendars = new Dictionary<string, CalendarDefinition>();
            var uids = new HashSet<long>();
            var inactive = new HashSet<long>();
            var outline = new Stack<(int Level, long Uid)>();
            var pendingLinks = new List<(long Pred, long Succ, XElement Link)>();
            DateTime? earliestStart = null;

            foreach (var task in root.Element(_ns + "Tasks")?.Elements(_ns + "Task") ?? [])
            {
                if (Bool(task, "IsNull") == true) continue;
                var uid = Long(task, "UID") ?? throw Bad(task, "A task has no UID");
                var level = Int(task, "OutlineLevel");
                // The project summary task: UID 0 at outline level 0 (or without a level, or flagged summary). A UID 0 at a
                // real outline level from an exporter that numbers from zero is kept as an ordinary task.
                if (level == 0 || (uid == 0 && (level is null || Bool(task, "Summary") == true))) continue;
                level ??= 1;
                var name = Text(task, "Name") ?? "";
                if (Bool(task, "Active") == false) inactive.Add(uid);
                if (!uids.Add(uid)) throw Bad(task, $"Task UID {uid} (\"{name}\") appears more than once");

                while (outline.Count > 0 && outline.Peek().Level >= level) outline.Pop();
                long? parent = outline.Count > 0 ? outline.Peek().Uid : null;
                outline.Push((level.Value, uid));

                var durationFormat = Int(task, "DurationFormat") ?? 7;
                var duration = 0L;
                if (Text(task, "Duration") is { } durationText)
                {
                    if (!MspdiValues.TryParseDurationMinutes(durationText, out duration))
                        throw Bad(task, $"Task \"{name}\" (UID {uid}) has an unreadable Duration \"{durationText}\"");
                    if (duration < 0) throw Bad(task, $"Task \"{name}\" (UID {uid}) has a negative Duration \"{durationText}\"");
                }

                var start = Date(task, "Start");
                var finish = Date(task, "Finish");
                if (start is { } s && (earliestStart is null || s < earliestStart)) earliestStart = s;
                var manual = Bool(task, "Manual") == true;
                var constraintType = Int(task, "ConstraintType") ?? 0;

                string? calendarKey = null;
                if (Long(task, "CalendarUID") is { } tcu and >= 0 && calendars.Contains(tcu) && tcu != projectCalendarUid)
                {
                    calendarKey = tcu.ToString(CultureInfo.InvariantCulture);
                    taskCalendars.TryAdd(calendarKey, calendars.Resolve(tcu));
                }

                var plan = new PlanTask
                {
                    Id = uid,
                    Name = name,
                    ParentId = parent,
                    DurationMinutes = duration,
                    ElapsedDuration = MspdiValues.IsElapsedFormat(durationFormat),
                    Milestone = Bool(task, "Milestone") ?? duration == 0,
                    Constraint = constraintType is >= 0 and <= 7 ? (ConstraintKind)constraintType : ConstraintKind.AsSoonAsPossible,
                    ConstraintDate = Date(task, "ConstraintDate"),
                    Deadline = Date(task, "Deadline"),
                    ActualStart = Date(task, "ActualStart"),
                    ActualFinish = Date(task, "ActualFinish"),
                    PercentComplete = Math.Clamp(Decimal(task, "PercentComplete") ?? 0m, 0m, 100m),
                    Manual = manual,
                    ManualStart = manual ? Date(task, "ManualStart") ?? start : null,
                    ManualFinish = manual ? Date(task, "ManualFinish") ?? finish : null,
                    CalendarKey = calendarKey,
                    // LevelingDelay is in tenths of a minute; its format says whether it counts calendar time (8 = edays).
                    LevelingDelayMinutes = Math.Max(0, (long)Math.Round((Long(task, "LevelingDelay") ?? 0) / 10.0, MidpointRounding.AwayFromZero)),
                    LevelingDelayElapsed = MspdiValues.IsElapsedFormat(Int(task, "LevelingDelayFormat") ?? 8),
                };

                tasks.Add(new MspdiTask(
                    plan, level.Value, Text(task, "WBS") ?? Text(task, "OutlineNumber"), start, finish, Bool(task, "Critical"),
                    Money(Decimal(task, "Cost"), currencyDigits), Money(Decimal(task, "ActualCost"), currencyDigits), Text(task, "Notes")));

                foreach (var link in task.Elements(_ns + "PredecessorLink"))
                {
                    if (Long(link, "PredecessorUID") is not { } pred) continue;
                    if (Text(link, "CrossProject") is "1") continue; // links into other projects cannot be scheduled here
                    pendingLinks.Add((pred, uid, link));
                }
            }

            // Summaries are tasks something sits under; actuals and durations on them are roll-ups, not inputs.
            var parents = new HashSet<long>(tasks.Where(t => t.Plan.ParentId is not null).Select(t => t.Plan.ParentId!.Value));
            for (var i = 0; i < tasks.Count; i++)
            {
                if (!parents.Contains(tasks[i].Plan.Id)) continue;
                tasks[i] = tasks[i] with { Plan = tasks[i].Plan with { ActualStart = null, ActualFinish = null, Milestone = false, Manual = false, ManualStart = null, ManualFinish = null } };
            }

            ApplyWorkSpans(tasks, parents, projectCalendar, taskCalendars);

            foreach (var (pred, succ, link) in pendingLinks)
            {
                if (!uids.Contains(pred)) continue; // a link to a deleted or external task: Project drops it too
                if (inactive.Contains(pred)) continue; // an inactive task (Project 2010+) no longer drives anything
                links.Add(ReadLink(pred, succ, link));
            }

            var projectStart = Date(root, "StartDate") ?? earliestStart
                ?? throw new MspdiFormatException("The project has no StartDate and no task has a Start date, so the plan cannot be scheduled.");

            return new MspdiProject
            {
                Name = Text(root, "Name") is { Length: > 0 } n ? n : Text(root, "Title") ?? "Imported project",
                Start = projectStart,
                Finish = Date(root, "FinishDate"),
                StatusDate = Date(root, "StatusDate"),
                MinutesPerDay = minutesPerDay,
                MinutesPerWeek = minutesPerWeek,
                DaysPerMonth = daysPerMonth,
                CurrencyCode = Text(root, "CurrencyCode"),
                HonorConstraintDates = Bool(root, "HonorConstraints") != true,
                Calendar = projectCalendar,
                TaskCalendars = taskCalendars,
                Tasks = tasks,
                Links = links,
                Resources = ReadResources(),
                Assignments = ReadAssignments(uids),
            };
        }

        private PlanLink ReadLink(long pred, long succ, XElement link)
        {
            // Type: 0 FF, 1 FS, 2 SF, 3 SS.
            var type = (Int(link, "Type") ?? 1) switch
            {
                0 => LinkType.FinishToFinish,
                2 => LinkType.StartToFinish,
                3 => LinkType.StartToStart,
                _ => LinkType.FinishToStart,
            };
            var lagFormat = Int(link, "LagFormat") ?? 7;
            var rawLag = Long(link, "LinkLag") ?? 0;
            if (MspdiValues.IsPercentFormat(lagFormat))
            {
                // Percent lags store the percentage itself (as MPXJ and Aspose read it), not tenths of minutes.
                return new PlanLink(pred, succ, type, rawLag, LagUnit.PercentOfPredecessor);
            }

            // LinkLag is in tenths of a minute whatever LagFormat says; the format only picks the unit shown and elapsed-ness.
            var minutes = (long)Math.Round(rawLag / 10.0, MidpointRounding.AwayFromZero);
            return new PlanLink(pred, succ, type, minutes, MspdiValues.IsElapsedFormat(lagFormat) ? LagUnit.ElapsedMinutes : LagUnit.WorkingMinutes);
        }

        /// <summary>
        /// Microsoft Project places a task's finish where its assignments' work ends: a split task (a working day with
        /// no work in the middle) or work stretched by resource calendars finishes later — or earlier — than its
        /// duration says. The remaining-work timephased data (Type 1) records that; when its span differs from the
        /// duration, keep it as <see cref="PlanTask.WorkSpanMinutes"/> so the schedule lands where Project put it.
        /// </summary>
        private void ApplyWorkSpans(List<MspdiTask> tasks, HashSet<long> summaries, CalendarDefinition projectCalendar, Dictionary<string, CalendarDefinition> taskCalendars)
        {
            var spans = new Dictionary<long, (DateTime First, DateTime Last)>();
            foreach (var a in root.Element(_ns + "Assignments")?.Elements(_ns + "Assignment") ?? [])
            {
                if (Long(a, "TaskUID") is not { } task) continue;
                foreach (var tp in a.Elements(_ns + "TimephasedData"))
                {
                    if (Int(tp, "Type") != 1) continue;
                    if (Text(tp, "Value") is not { } v || !MspdiValues.TryParseDurationMinutes(v, out var work) || work <= 0) continue;
                    if (Date(tp, "Start") is not { } from || Date(tp, "Finish") is not { } to || to <= from) continue;
                    spans[task] = spans.TryGetValue(task, out var known)
                        ? (from < known.First ? from : known.First, to > known.Last ? to : known.Last)
                        : (from, to);
                }
            }

            var calendars = new Dictionary<CalendarDefinition, WorkingCalendar>();
            for (var i = 0; i < tasks.Count; i++)
            {
                var t = tasks[i];
                var p = t.Plan;
                if (summaries.Contains(p.Id) || p.Manual || p.ElapsedDuration || p.DurationMinutes == 0 || p.ActualFinish is not null) continue;
                DateTime first, last;
                if (p.ActualStart is { } actualStart)
                {
                    // In progress: Project has already placed the remaining work; its Finish is where the task ends.
                    if (t.Finish is not { } finish || finish <= actualStart) continue;
                    (first, last) = (actualStart, finish);
                }
                else if (spans.TryGetValue(p.Id, out var span))
                {
                    // Trust the work only when it ends where the task does: stale timephased data must not move a task.
                    if (t.Finish is { } stored && Math.Abs((stored - span.Last).TotalMinutes) > 2) continue;
                    (first, last) = (t.Start is { } s && s < span.First ? s : span.First, span.Last);
                }
                else continue;

                var def = p.CalendarKey is { } key && taskCalendars.TryGetValue(key, out var tc) ? tc : projectCalendar;
                if (!calendars.TryGetValue(def, out var cal)) calendars[def] = cal = new WorkingCalendar(def);
                var minutes = cal.WorkingMinutesBetween(first, last);
                // Seconds in the file's durations and dates leave a minute of noise; only a real difference counts.
                if (minutes > 0 && Math.Abs(minutes - p.DurationMinutes) > 1)
                    tasks[i] = t with { Plan = p with { WorkSpanMinutes = minutes } };
            }
        }

        private List<MspdiResource> ReadResources()
        {
            var list = new List<MspdiResource>();
            foreach (var r in root.Element(_ns + "Resources")?.Elements(_ns + "Resource") ?? [])
            {
                if (Bool(r, "IsNull") == true || Long(r, "UID") is not { } uid || uid <= 0) continue;
                var name = Text(r, "Name");
                if (string.IsNullOrWhiteSpace(name)) continue;
                list.Add(new MspdiResource(uid, name.Trim(), Text(r, "EmailAddress") is { Length: > 0 } e ? e.Trim() : null));
            }

            return list;
        }

        private List<MspdiAssignment> ReadAssignments(HashSet<long> taskUids)
        {
            var list = new List<MspdiAssignment>();
            foreach (var a in root.Element(_ns + "Assignments")?.Elements(_ns + "Assignment") ?? [])
            {
                if (Long(a, "TaskUID") is not { } task || Long(a, "ResourceUID") is not { } resource) continue;
                if (resource < 0 || !taskUids.Contains(task)) continue; // -65535 = unassigned placeholder
                var work = Text(a, "Work") is { } w && MspdiValues.TryParseDurationMinutes(w, out var m) ? Math.Max(0, m) : 0;
                list.Add(new MspdiAssignment(task, resource, work));
            }

            return list;
        }

        /// <summary>MSPDI stores money in hundredths of the currency unit whatever CurrencyDigits says; scale to minor units.</summary>
        private static long Money(decimal? stored, int currencyDigits)
        {
            if (stored is not { } v) return 0;
            var scale = currencyDigits switch { 2 => 1m, _ => (decimal)Math.Pow(10, currencyDigits) / 100m };
            return (long)Math.Round(v * scale, MidpointRounding.AwayFromZero);
        }

        private static int Positive(int? value, int fallback) => value is > 0 ? value.Value : fallback;

        private string? Text(XElement parent, string name) => parent.Element(_ns + name)?.Value;

        private long? Long(XElement parent, string name) =>
            Text(parent, name) is { } s && long.TryParse(s.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v
            : Text(parent, name) is { } d && decimal.TryParse(d.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var dv) ? (long)Math.Round(dv) : null;

        private int? Int(XElement parent, string name) => Long(parent, name) is { } v and >= int.MinValue and <= int.MaxValue ? (int)v : null;

        private decimal? Decimal(XElement parent, string name) =>
            Text(parent, name) is { } s && decimal.TryParse(s.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;

        private bool? Bool(XElement parent, string name) =>
            Text(parent, name) is { } s && MspdiValues.TryParseBool(s, out var b) ? b : null;

        private DateTime? Date(XElement parent, string name) =>
            Text(parent, name) is { Length: > 0 } s && MspdiValues.TryParseDate(s, out var d) ? d : null;

        private MspdiFormatException Bad(XElement task, string message)
        {
            var position = task.ElementsBeforeSelf(_ns + "Task").Count() + 1;
            return new MspdiFormatException($"{message} (task element {position} of <Tasks>).");
        }
    }
}
