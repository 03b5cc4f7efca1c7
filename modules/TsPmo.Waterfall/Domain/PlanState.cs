using TsPmo.Waterfall.Engine.Calendars;

namespace TsPmo.Waterfall.Domain;

/// <summary>A project's whole plan as loaded in one transaction: settings, calendars, tasks in outline order, links, assignments.</summary>
public sealed class PlanState
{
    public required PlanSettings Settings { get; set; }
    public required Dictionary<string, CalendarDefinition> Calendars { get; init; }
    public required List<TaskRecord> Tasks { get; init; }
    public required List<LinkRecord> Links { get; set; }
    public required List<AssignmentRecord> Assignments { get; set; }

    /// <summary>The rows as they were loaded, to write back only what a change (or the reschedule it caused) touched.</summary>
    internal Dictionary<long, string> Loaded { get; init; } = [];

    public CalendarDefinition Calendar => Calendars.TryGetValue("", out var c) ? c : CalendarDefinition.Standard;

    public TaskRecord? Find(long id) => Tasks.FirstOrDefault(t => t.Id == id);

    public bool HasChildren(long id) => Tasks.Any(t => t.ParentId == id);

    /// <summary>The task and every task below it in the outline.</summary>
    public HashSet<long> Subtree(long id)
    {
        var result = new HashSet<long> { id };
        foreach (var t in Tasks) if (t.ParentId is { } p && result.Contains(p)) result.Add(t.Id);
        return result;
    }

    public HashSet<long> Ancestors(long id)
    {
        var byId = Tasks.ToDictionary(t => t.Id);
        var result = new HashSet<long>();
        for (var p = byId.GetValueOrDefault(id)?.ParentId; p is { } pid && result.Add(pid); p = byId.GetValueOrDefault(pid)?.ParentId) { }
        return result;
    }

    /// <summary>
    /// Puts the tasks back in outline order (depth first, siblings by their current position) and renumbers positions and
    /// outline levels. A new or moved task carries a large position so it lands last among its new siblings.
    /// </summary>
    public void Renumber()
    {
        var children = Tasks.ToLookup(t => t.ParentId);
        var ordered = new List<TaskRecord>(Tasks.Count);
        void Visit(long? parent, int level)
        {
            foreach (var t in children[parent].OrderBy(t => t.Position).ThenBy(t => t.Id))
            {
                t.OutlineLevel = level;
                ordered.Add(t);
                Visit(t.Id, level + 1);
            }
        }
        Visit(null, 1);
        for (var i = 0; i < ordered.Count; i++) ordered[i].Position = i;
        Tasks.Clear();
        Tasks.AddRange(ordered);
    }

    /// <summary>WBS codes (1, 1.1, 1.2, 2…) from the outline.</summary>
    public Dictionary<long, string> WbsCodes()
    {
        var codes = new Dictionary<long, string>();
        var counters = new Dictionary<long, int>();
        foreach (var t in Tasks)
        {
            var key = t.ParentId ?? 0;
            counters[key] = counters.GetValueOrDefault(key) + 1;
            codes[t.Id] = t.ParentId is { } p && codes.TryGetValue(p, out var parent) ? $"{parent}.{counters[key]}" : counters[key].ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        return codes;
    }
}
