using TsPmo.Sdk.Data;
using TsPmo.Waterfall.Engine.Calendars;

namespace TsPmo.Waterfall.Domain;

/// <summary>What makes a calendar usable: ordered, non-overlapping intervals inside the day, and at least one working weekday.</summary>
public static class CalendarRules
{
    public static void Validate(CalendarDefinition calendar, int minutesPerDay)
    {
        var errors = new Dictionary<string, List<string>>();
        void Error(string field, string message) => (errors.TryGetValue(field, out var l) ? l : errors[field] = []).Add(message);
        foreach (var (day, intervals) in calendar.Week)
            if (Problem(intervals) is { } p) Error("week", $"{day}: {p}");
        if (!calendar.Week.Any(d => d.Value.Count > 0)) Error("week", "At least one day of the week must have working hours.");
        foreach (var e in calendar.Exceptions)
        {
            if (e.To < e.From) Error("exceptions", $"{e.Name ?? "An exception"}: it ends before it starts.");
            if (Problem(e.Working) is { } p) Error("exceptions", $"{e.Name ?? e.From.ToString("yyyy-MM-dd")}: {p}");
        }
        if (minutesPerDay is < 1 or > 1440) Error("minutesPerDay", "Hours per day must be more than 0 and at most 24.");
        if (errors.Count > 0) throw new DomainValidationException(errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
    }

    private static string? Problem(IReadOnlyList<WorkingInterval> intervals)
    {
        var last = 0;
        foreach (var i in intervals)
        {
            if (i.StartMinute < 0 || i.EndMinute > 1440 || i.EndMinute <= i.StartMinute) return "each working period must end after it starts, within the day.";
            if (i.StartMinute < last) return "working periods must be in order and must not overlap.";
            last = i.EndMinute;
        }
        return null;
    }

    /// <summary>Parses "08:00-12:00, 13:00-17:00" (empty = non-working).</summary>
    public static bool TryParseIntervals(string? text, out IReadOnlyList<WorkingInterval> intervals)
    {
        var list = new List<WorkingInterval>();
        intervals = list;
        if (string.IsNullOrWhiteSpace(text)) return true;
        foreach (var part in text.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var ends = part.Split('-', StringSplitOptions.TrimEntries);
            if (ends.Length != 2 || Minute(ends[0]) is not { } from || Minute(ends[1]) is not { } to) return false;
            list.Add(new WorkingInterval(from, to));
        }
        return true;
    }

    public static string Format(IReadOnlyList<WorkingInterval> intervals) =>
        string.Join(", ", intervals.Select(i => $"{Clock(i.StartMinute)}-{Clock(i.EndMinute)}"));

    public static string Clock(int minute) => $"{minute / 60:00}:{minute % 60:00}";

    private static int? Minute(string text)
    {
        var hm = text.Split(':');
        if (hm.Length is < 1 or > 2 || !int.TryParse(hm[0], out var h) || h is < 0 or > 24) return null;
        var m = 0;
        if (hm.Length == 2 && (!int.TryParse(hm[1], out m) || m is < 0 or > 59)) return null;
        return h * 60 + m is var total && total <= 1440 ? total : null;
    }
}
