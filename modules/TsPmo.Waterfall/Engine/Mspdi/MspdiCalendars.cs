using System.Xml.Linq;
using TsPmo.Waterfall.Engine.Calendars;

namespace TsPmo.Waterfall.Engine.Mspdi;

/// <summary>
/// Reads MSPDI <c>&lt;Calendars&gt;</c> into <see cref="CalendarDefinition"/>s, resolving <c>BaseCalendarUID</c> chains:
/// a weekday a derived calendar does not define comes from its base, and the base's exceptions apply under the
/// calendar's own. Exceptions come from the three dialects: <c>WeekDay</c> with <c>DayType</c> 0 and a
/// <c>TimePeriod</c> (Project 2002/2003), <c>&lt;Exceptions&gt;</c> (2007+, recurring ones expanded to dates) and
/// <c>&lt;WorkWeeks&gt;</c> (alternate weeks for a date range, expanded to dated exceptions).
/// </summary>
internal sealed class MspdiCalendars
{
    // Recurring exceptions and work weeks are expanded day by day; a range beyond this is a typo or "forever".
    private const int MaxExpandedDays = 366 * 30;

    private readonly XNamespace _ns;
    private readonly Dictionary<long, Raw> _raw = [];
    private readonly Dictionary<long, CalendarDefinition> _resolved = [];

    private sealed record Raw(
        long Uid, string Name, long? BaseUid,
        Dictionary<DayOfWeek, IReadOnlyList<WorkingInterval>> Week,
        HashSet<DayOfWeek> DefaultTimes,
        List<CalendarException> Exceptions);

    public MspdiCalendars(XElement? calendars, XNamespace ns)
    {
        _ns = ns;
        if (calendars is null) return;
        foreach (var cal in calendars.Elements(ns + "Calendar"))
        {
            if (!long.TryParse(Text(cal, "UID"), out var uid)) continue;
            long? baseUid = long.TryParse(Text(cal, "BaseCalendarUID"), out var b) && b >= 0 && b != uid ? b : null;
            var raw = new Raw(uid, Text(cal, "Name") ?? $"Calendar {uid}", baseUid, [], [], []);
            foreach (var day in cal.Element(ns + "WeekDays")?.Elements(ns + "WeekDay") ?? [])
                ReadWeekDay(day, raw);
            foreach (var ex in cal.Element(ns + "Exceptions")?.Elements(ns + "Exception") ?? [])
                ReadException(ex, raw.Exceptions);
            foreach (var week in cal.Element(ns + "WorkWeeks")?.Elements(ns + "WorkWeek") ?? [])
                ReadWorkWeek(week, raw.Exceptions);
            _raw[uid] = raw;
        }
    }

    public bool Contains(long uid) => _raw.ContainsKey(uid);

    /// <summary>The first base calendar in the file (Project's fallback when the project names none).</summary>
    public long? FirstBaseCalendar => _raw.Values.FirstOrDefault(r => r.BaseUid is null)?.Uid;

    public CalendarDefinition Resolve(long uid) => Resolve(uid, 0);

    private CalendarDefinition Resolve(long uid, int depth)
    {
        if (_resolved.TryGetValue(uid, out var done)) return done;
        if (!_raw.TryGetValue(uid, out var raw)) return CalendarDefinition.Standard;
        // A base chain longer than this is a loop in the file; stop at the Standard calendar.
        var baseDef = raw.BaseUid is { } b && depth < 16 ? Resolve(b, depth + 1) : null;

        var week = new Dictionary<DayOfWeek, IReadOnlyList<WorkingInterval>>();
        for (var d = DayOfWeek.Sunday; d <= DayOfWeek.Saturday; d++)
        {
            if (raw.Week.TryGetValue(d, out var own) && !raw.DefaultTimes.Contains(d)) week[d] = own;
            else if (baseDef is not null) { if (baseDef.Week.TryGetValue(d, out var inherited)) week[d] = inherited; }
            else if (raw.DefaultTimes.Contains(d) || (!raw.Week.ContainsKey(d) && d is not DayOfWeek.Saturday and not DayOfWeek.Sunday))
                week[d] = StandardDay; // a working day with no times, or a base calendar silent about a weekday
            else if (raw.Week.TryGetValue(d, out var empty)) week[d] = empty;
        }

        var exceptions = new List<CalendarException>();
        if (baseDef is not null) exceptions.AddRange(baseDef.Exceptions);
        exceptions.AddRange(raw.Exceptions);
        return _resolved[uid] = new CalendarDefinition(raw.Name, week, exceptions);
    }

    private static readonly IReadOnlyList<WorkingInterval> StandardDay = [new(8 * 60, 12 * 60), new(13 * 60, 17 * 60)];

    private void ReadWeekDay(XElement day, Raw raw)
    {
        if (!int.TryParse(Text(day, "DayType"), out var type)) return;
        var working = Bool(day, "DayWorking") ?? false;
        var times = Times(day);
        if (type == 0)
        {
            // Project 2002/2003 exception: a dated WeekDay.
            var period = day.Element(_ns + "TimePeriod");
            if (period is null || !TryDate(period, "FromDate", out var from)) return;
            var to = TryDate(period, "ToDate", out var t) ? t : from;
            raw.Exceptions.Add(new CalendarException(DateOnly.FromDateTime(from), LastDay(from, to), working ? OrStandard(times) : [], Text(day, "Name")));
            return;
        }

        if (type is < 1 or > 7) return;
        var dow = (DayOfWeek)(type - 1);
        raw.Week[dow] = working ? times : [];
        if (working && times.Count == 0) raw.DefaultTimes.Add(dow);
    }

    private void ReadException(XElement ex, List<CalendarException> into)
    {
        var period = ex.Element(_ns + "TimePeriod");
        if (period is null || !TryDate(period, "FromDate", out var fromAt)) return;
        var from = DateOnly.FromDateTime(fromAt);
        var to = TryDate(period, "ToDate", out var toAt) ? LastDay(fromAt, toAt) : from;
        if (to < from) (from, to) = (to, from);
        var working = Bool(ex, "DayWorking") ?? false;
        var intervals = working ? OrStandard(Times(ex)) : [];
        var name = Text(ex, "Name");
        var type = int.TryParse(Text(ex, "Type"), out var ty) ? ty : 1;
        var period1 = Math.Max(1, int.TryParse(Text(ex, "Period"), out var p) ? p : 1);
        var occurrences = int.TryParse(Text(ex, "Occurrences"), out var o) && o > 0 ? o : int.MaxValue;

        if (type is < 2 or > 6 && period1 == 1)
        {
            into.Add(new CalendarException(from, to, intervals, name));
            return;
        }

        var month = int.TryParse(Text(ex, "Month"), out var mo) ? mo + 1 : from.Month;
        var monthDay = int.TryParse(Text(ex, "MonthDay"), out var md) ? md : from.Day;
        var monthItem = int.TryParse(Text(ex, "MonthItem"), out var mi) ? mi : 0;
        var monthPosition = int.TryParse(Text(ex, "MonthPosition"), out var mp) ? mp : 0;
        var daysOfWeek = int.TryParse(Text(ex, "DaysOfWeek"), out var dw) ? dw : 0;

        var count = 0;
        var limit = Math.Min(to.DayNumber, from.DayNumber + MaxExpandedDays);
        for (var n = from.DayNumber; n <= limit && count < occurrences; n++)
        {
            var day = DateOnly.FromDayNumber(n);
            var offset = n - from.DayNumber;
            var hit = type switch
            {
                2 => day.Month == month && day.Day == Math.Min(monthDay, DateTime.DaysInMonth(day.Year, day.Month)),
                3 => day.Month == month && IsMonthPosition(day, monthItem, monthPosition),
                4 => (MonthsBetween(from, day) % period1 == 0) && day.Day == Math.Min(monthDay, DateTime.DaysInMonth(day.Year, day.Month)),
                5 => (MonthsBetween(from, day) % period1 == 0) && IsMonthPosition(day, monthItem, monthPosition),
                6 => (offset / 7 % period1 == 0) && (daysOfWeek == 0 ? day.DayOfWeek == from.DayOfWeek : (daysOfWeek & (1 << (int)day.DayOfWeek)) != 0),
                _ => offset % period1 == 0, // daily every N days
            };
            if (!hit) continue;
            into.Add(new CalendarException(day, day, intervals, name));
            count++;
        }
    }

    private void ReadWorkWeek(XElement week, List<CalendarException> into)
    {
        var period = week.Element(_ns + "TimePeriod");
        if (period is null || !TryDate(period, "FromDate", out var fromAt)) return;
        var from = DateOnly.FromDateTime(fromAt);
        var to = TryDate(period, "ToDate", out var toAt) ? LastDay(fromAt, toAt) : from;
        var days = new Dictionary<DayOfWeek, IReadOnlyList<WorkingInterval>>();
        foreach (var day in week.Element(_ns + "WeekDays")?.Elements(_ns + "WeekDay") ?? [])
        {
            if (!int.TryParse(Text(day, "DayType"), out var type) || type is < 1 or > 7) continue;
            days[(DayOfWeek)(type - 1)] = Bool(day, "DayWorking") == true ? OrStandard(Times(day)) : [];
        }

        if (days.Count == 0) return;
        var name = Text(week, "Name");
        var limit = Math.Min(to.DayNumber, from.DayNumber + MaxExpandedDays);
        for (var n = from.DayNumber; n <= limit; n++)
        {
            var day = DateOnly.FromDayNumber(n);
            if (days.TryGetValue(day.DayOfWeek, out var intervals)) into.Add(new CalendarException(day, day, intervals, name));
        }
    }

    private static int MonthsBetween(DateOnly a, DateOnly b) => (b.Year - a.Year) * 12 + b.Month - a.Month;

    /// <summary>MonthItem 0 day, 1 weekday, 2 weekend day, 3–9 Sunday–Saturday; MonthPosition 0–3 first–fourth, 4 last.</summary>
    private static bool IsMonthPosition(DateOnly day, int item, int position)
    {
        bool Matches(DateOnly d) => item switch
        {
            0 => true,
            1 => d.DayOfWeek is not DayOfWeek.Saturday and not DayOfWeek.Sunday,
            2 => d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday,
            _ => (int)d.DayOfWeek == item - 3,
        };

        if (!Matches(day)) return false;
        if (position >= 4)
        {
            for (var d = day.AddDays(1); d.Month == day.Month; d = d.AddDays(1))
                if (Matches(d)) return false;
            return true;
        }

        var index = 0;
        for (var d = new DateOnly(day.Year, day.Month, 1); d < day; d = d.AddDays(1))
            if (Matches(d)) index++;
        return index == position;
    }

    /// <summary>An exception's ToDate is inclusive; "…T23:59" or "…T00:00" of the next day both end on the day before midnight.</summary>
    private static DateOnly LastDay(DateTime from, DateTime to) =>
        DateOnly.FromDateTime(to.TimeOfDay == TimeSpan.Zero && to.Date > from.Date ? to.AddDays(-1) : to);

    private static IReadOnlyList<WorkingInterval> OrStandard(IReadOnlyList<WorkingInterval> times) => times.Count > 0 ? times : StandardDay;

    private IReadOnlyList<WorkingInterval> Times(XElement owner)
    {
        var list = new List<WorkingInterval>();
        foreach (var wt in owner.Element(_ns + "WorkingTimes")?.Elements(_ns + "WorkingTime") ?? [])
        {
            var fromText = Text(wt, "FromTime");
            var toText = Text(wt, "ToTime");
            if (fromText is null || toText is null) continue;
            if (!MspdiValues.TryParseTimeOfDay(fromText, out var f) || !MspdiValues.TryParseTimeOfDay(toText, out var t)) continue;
            if (t <= f) t = 1440; // "00:00:00" as an end is midnight at the end of the day
            list.Add(new WorkingInterval(f, t));
        }

        return list;
    }

    private string? Text(XElement parent, string name) => parent.Element(_ns + name)?.Value;

    private bool? Bool(XElement parent, string name) =>
        Text(parent, name) is { } s && MspdiValues.TryParseBool(s, out var b) ? b : null;

    private bool TryDate(XElement parent, string name, out DateTime value)
    {
        value = default;
        return Text(parent, name) is { } s && MspdiValues.TryParseDate(s, out value);
    }
}
