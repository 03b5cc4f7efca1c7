using TsPmo.Sdk.Data;
using TsPmo.Waterfall.Engine.Calendars;
using TsPmo.Waterfall.Engine.Scheduling;

namespace TsPmo.Waterfall.Domain;

/// <summary>
/// Applies a <see cref="TaskChange"/> to a task of a loaded plan, checking every field against the plan (parents,
/// predecessors, the outline). All problems are collected and thrown together as one validation error; the plan in
/// memory may be half-changed then, but the caller's transaction is never committed.
/// </summary>
internal static class TaskRules
{
    public const decimal MaxDurationDays = 100_000;

    public static (List<LinkRecord>? Links, List<(long PersonId, long Minutes)>? Assignments) Apply(PlanState state, TaskRecord task, TaskChange c, bool isNew)
    {
        var errors = new Dictionary<string, List<string>>();
        void Error(string field, string message) => (errors.TryGetValue(field, out var l) ? l : errors[field] = []).Add(message);
        var calendar = state.Calendar;
        var mpd = state.Settings.MinutesPerDay;

        if (c.Name is not null || isNew)
        {
            var name = c.Name?.Trim() ?? "";
            if (name.Length == 0) Error("name", "Give the task a name.");
            else if (name.Length > 255) Error("name", "A task name has at most 255 characters.");
            task.Name = name;
        }
        if (c.Notes is not null) task.Notes = c.Notes.Length == 0 ? null : c.Notes;
        if (c.Elapsed is { } elapsed) task.Elapsed = elapsed;
        if (c.Milestone is { } milestone)
        {
            task.Milestone = milestone;
            if (milestone && c.DurationDays is null && c.DurationHours is null) (task.DurationMinutes, task.WorkSpanMinutes) = (0, null);
        }
        if (c.DurationDays is not null || c.DurationHours is not null)
        {
            var days = c.DurationDays ?? 0;
            var hours = c.DurationHours ?? 0;
            if (days < 0 || hours < 0) Error(c.DurationDays < 0 ? "durationDays" : "durationHours", "A duration cannot be negative.");
            else if (days > MaxDurationDays || hours > MaxDurationDays * 24) Error("durationDays", "That duration is too long to schedule.");
            else
            {
                task.DurationMinutes = (long)Math.Round(days * (task.Elapsed ? 1440 : mpd) + hours * 60, MidpointRounding.AwayFromZero);
                // A new duration replaces what the imported work span said about the task.
                task.WorkSpanMinutes = null;
            }
        }
        else if (isNew && !task.Milestone) task.DurationMinutes = mpd;

        if (c.ParentIdSet || (isNew && c.ParentId is not null))
        {
            if (c.ParentId is { } parentId)
            {
                if (state.Find(parentId) is not { } parent) Error("parentId", $"There is no task {parentId} in this plan.");
                else if (!isNew && state.Subtree(task.Id).Contains(parent.Id)) Error("parentId", $"\"{task.Name}\" cannot go under itself or one of its own subtasks.");
                else if (task.ParentId != parentId) { task.ParentId = parentId; task.Position = int.MaxValue; }
            }
            else if (task.ParentId is not null) { task.ParentId = null; task.Position = int.MaxValue; }
        }

        if (c.ConstraintType is not null)
        {
            if (!ConstraintCodes.TryParse(c.ConstraintType, out var kind))
                Error("constraintType", $"Unknown constraint \"{c.ConstraintType}\": use ASAP, ALAP, MSO, MFO, SNET, SNLT, FNET or FNLT.");
            else task.Constraint = kind;
        }
        if (c.ConstraintDateSet || c.ConstraintDate is not null)
        {
            if (string.IsNullOrWhiteSpace(c.ConstraintDate)) task.ConstraintDate = null;
            else if (!LocalTime.TryParseInput(c.ConstraintDate, out var at, out var dateOnly)) Error("constraintDate", "Give the constraint date as YYYY-MM-DD.");
            else task.ConstraintDate = dateOnly ? (ConstraintCodes.IsFinishKind(task.Constraint) ? DayTimes.EndOf(calendar, DateOnly.FromDateTime(at)) : DayTimes.StartOf(calendar, DateOnly.FromDateTime(at))) : at;
        }
        if (task.Constraint is not ConstraintKind.AsSoonAsPossible and not ConstraintKind.AsLateAsPossible && task.ConstraintDate is null)
            Error("constraintDate", $"\"{ConstraintCodes.Label(task.Constraint)}\" needs a date.");
        if (task.Constraint is ConstraintKind.AsSoonAsPossible or ConstraintKind.AsLateAsPossible) task.ConstraintDate = null;

        if (c.DeadlineSet || c.Deadline is not null)
        {
            if (string.IsNullOrWhiteSpace(c.Deadline)) task.Deadline = null;
            else if (!LocalTime.TryParseInput(c.Deadline, out var at, out var dateOnly)) Error("deadline", "Give the deadline as YYYY-MM-DD.");
            else task.Deadline = dateOnly ? DayTimes.EndOf(calendar, DateOnly.FromDateTime(at)) : at;
        }

        if (c.ActualStartSet || c.ActualStart is not null)
        {
            if (string.IsNullOrWhiteSpace(c.ActualStart)) task.ActualStart = null;
            else if (!LocalTime.TryParseInput(c.ActualStart, out var at, out var dateOnly)) Error("actualStart", "Give the actual start as YYYY-MM-DD.");
            else task.ActualStart = dateOnly ? DayTimes.StartOf(calendar, DateOnly.FromDateTime(at)) : at;
        }
        if (c.ActualFinishSet || c.ActualFinish is not null)
        {
            if (string.IsNullOrWhiteSpace(c.ActualFinish)) task.ActualFinish = null;
            else if (!LocalTime.TryParseInput(c.ActualFinish, out var at, out var dateOnly)) Error("actualFinish", "Give the actual finish as YYYY-MM-DD.");
            else task.ActualFinish = dateOnly ? DayTimes.EndOf(calendar, DateOnly.FromDateTime(at)) : at;
        }
        if (c.PercentComplete is { } pct)
        {
            if (pct is < 0 or > 100) Error("percentComplete", "Percent complete is between 0 and 100.");
            else task.PercentComplete = pct;
        }
        // As Microsoft Project does: progress on a task means it started (and 100 % means it finished) as scheduled, unless told otherwise.
        if (task.PercentComplete > 0 && task.ActualStart is null) task.ActualStart = task.EarlyStart;
        if (task.PercentComplete == 100 && task.ActualFinish is null && task.ActualStart is not null)
            task.ActualFinish = task.EarlyFinish is { } ef && ef >= task.ActualStart ? ef : task.ActualStart;
        if (task.ActualFinish is not null && task.ActualStart is null) Error("actualStart", "A task with an actual finish needs an actual start.");
        if (task.ActualFinish < task.ActualStart) Error("actualFinish", "The actual finish is before the actual start.");
        if (c.ActualFinishSet && task.ActualFinish is not null && c.PercentComplete is null) task.PercentComplete = 100;

        if (c.PlannedCost is { } planned)
        {
            if (planned < 0) Error("plannedCost", "A cost cannot be negative.");
            else task.PlannedCostMinor = (long)Math.Round(planned * 100, MidpointRounding.AwayFromZero);
        }
        if (c.ActualCost is { } actual)
        {
            if (actual < 0) Error("actualCost", "A cost cannot be negative.");
            else task.ActualCostMinor = (long)Math.Round(actual * 100, MidpointRounding.AwayFromZero);
        }

        List<LinkRecord>? links = null;
        if (c.Predecessors is { } preds)
        {
            links = [];
            var related = isNew ? [] : state.Subtree(task.Id);
            related.UnionWith(state.Ancestors(task.Id));
            if (task.ParentId is { } p) { related.Add(p); related.UnionWith(state.Ancestors(p)); }
            foreach (var pred in preds)
            {
                if (pred.TaskId == task.Id) { Error("predecessors", $"\"{task.Name}\" cannot depend on itself."); continue; }
                if (state.Find(pred.TaskId) is not { } other) { Error("predecessors", $"There is no task {pred.TaskId} in this plan."); continue; }
                if (related.Contains(other.Id)) { Error("predecessors", $"\"{task.Name}\" cannot be linked to its own summary task or subtask \"{other.Name}\"."); continue; }
                if (!LinkCodes.TryParse(pred.Type, out var type)) { Error("predecessors", $"Unknown link type \"{pred.Type}\": use FS, SS, FF or SF."); continue; }
                if (links.Any(l => l.PredecessorId == other.Id)) { Error("predecessors", $"\"{other.Name}\" is listed twice."); continue; }
                var lag = (long)Math.Round((pred.LagDays ?? 0) * mpd + (pred.LagHours ?? 0) * 60, MidpointRounding.AwayFromZero);
                links.Add(new LinkRecord(other.Id, task.Id, type, lag, LagUnit.WorkingMinutes));
            }
        }

        List<(long, long)>? assignments = null;
        if (c.Assignments is { } given)
        {
            assignments = [];
            foreach (var a in given)
            {
                if (a.Hours < 0) { Error("assignments", "Effort hours cannot be negative."); continue; }
                if (assignments.Any(x => x.Item1 == a.PersonId)) { Error("assignments", $"Person {a.PersonId} is assigned twice."); continue; }
                assignments.Add((a.PersonId, (long)Math.Round(a.Hours * 60, MidpointRounding.AwayFromZero)));
            }
        }

        if (errors.Count > 0) throw new DomainValidationException(errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
        return (links, assignments);
    }
}
