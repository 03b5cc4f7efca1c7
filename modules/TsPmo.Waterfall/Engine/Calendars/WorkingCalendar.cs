namespace TsPmo.Waterfall.Engine.Calendars;

/// <summary>
/// Working-time arithmetic over a <see cref="CalendarDefinition"/>, to the minute. Immutable and thread-safe once built.
/// CONTRACT (implemented by the scheduling engine work; signatures are fixed).
/// </summary>
/// <remarks>
/// Moments are handled internally as whole minutes since <see cref="DateTime.MinValue"/> (a Monday), so a day is
/// <c>minute / 1440</c> and its weekday is arithmetic. The week is compiled into one sorted interval array per weekday,
/// exceptions into a per-day lookup plus a sorted array of exception days, which lets the long-distance operations
/// skip whole weeks (weekly working minutes) whenever no exception lies in the way. Seconds are dropped.
/// </remarks>
public sealed class WorkingCalendar
{
    private const int MinutesPerDayOfClock = 1440;

    // A calendar with no working time at all would make every search endless; give up after this many empty days.
    private const int MaxEmptyDays = 366 * 20;

    private readonly int[][] _week = new int[7][];          // per DayOfWeek: [start0, end0, start1, end1, …]
    private readonly int[] _weekDayMinutes = new int[7];
    private readonly long _weekMinutes;
    private readonly Dictionary<int, int[]> _exceptions = [];
    private readonly int[] _exceptionDays;                 // sorted day numbers that have an exception

    public WorkingCalendar(CalendarDefinition definition)
    {
        Definition = definition;
        for (var d = 0; d < 7; d++)
        {
            _week[d] = definition.Week.TryGetValue((DayOfWeek)d, out var list) ? Compile(list) : [];
            _weekDayMinutes[d] = Sum(_week[d]);
            _weekMinutes += _weekDayMinutes[d];
        }

        foreach (var ex in definition.Exceptions)
        {
            var compiled = Compile(ex.Working);
            var from = ex.From.DayNumber;
            var to = ex.To.DayNumber;
            if (to < from) (from, to) = (to, from);
            // Later exceptions win over earlier ones for the same day, as the last definition read is the freshest.
            for (var day = from; day <= to; day++) _exceptions[day] = compiled;
        }

        _exceptionDays = [.. _exceptions.Keys];
        Array.Sort(_exceptionDays);

        // Most calendars' exceptions span a few years: a flat array indexed by day beats hashing on every day visited.
        if (_exceptionDays.Length > 0 && _exceptionDays[^1] - _exceptionDays[0] < MaxFlatExceptionSpan)
        {
            _flatFrom = _exceptionDays[0];
            _flat = new int[]?[_exceptionDays[^1] - _flatFrom + 1];
            foreach (var (day, intervals) in _exceptions) _flat[day - _flatFrom] = intervals;
        }
    }

    private const int MaxFlatExceptionSpan = 366 * 60;
    private readonly int[]?[]? _flat;
    private readonly int _flatFrom;

    public CalendarDefinition Definition { get; }

    /// <summary>Working minutes in an ordinary week (exceptions aside).</summary>
    public long WeeklyMinutes => _weekMinutes;

    public bool IsWorkingDay(DateOnly day) => DayMinutes(day.DayNumber) > 0;

    /// <summary>The first working moment at or after <paramref name="at"/>.</summary>
    public DateTime NextWorkingMoment(DateTime at) => ToDateTime(NextWorking(ToMinutes(at)));

    /// <summary>The last moment at or before <paramref name="at"/> that ends working time (a finish never sits at the start of a gap).</summary>
    public DateTime PreviousWorkingEnd(DateTime at) => ToDateTime(PreviousWorkingEndMinute(ToMinutes(at)));

    /// <summary><paramref name="at"/> plus (or minus, when negative) working minutes. Adding lands at the end of a working interval rather than the start of the next.</summary>
    /// <remarks>Subtracting is the mirror image: it lands at the start of a working interval rather than the end of the previous one.</remarks>
    public DateTime AddWorkingMinutes(DateTime at, long minutes) => ToDateTime(Add(ToMinutes(at), minutes));

    /// <summary>Working minutes in [from, to); negative when to &lt; from.</summary>
    public long WorkingMinutesBetween(DateTime from, DateTime to) => Between(ToMinutes(from), ToMinutes(to));

    /// <summary>Working minutes on one day.</summary>
    public int WorkingMinutesOn(DateOnly day) => DayMinutes(day.DayNumber);

    /// <summary>The day a start belongs to: its date, or the next working day when it is at/after the day's last working minute.</summary>
    public DateOnly StartDay(DateTime start) => DateOnly.FromDayNumber((int)(NextWorking(ToMinutes(start)) / MinutesPerDayOfClock));

    /// <summary>The day a finish belongs to, as Microsoft Project shows it: a finish at or before the day's first working minute belongs to the previous working day.</summary>
    public DateOnly FinishDay(DateTime finish)
    {
        var at = ToMinutes(finish);
        var day = (int)(at / MinutesPerDayOfClock);
        var minute = (int)(at % MinutesPerDayOfClock);
        var iv = Intervals(day);
        if (iv.Length > 0 && iv[0] < minute) return DateOnly.FromDayNumber(day);
        // Nothing worked yet that day: the finish closes the previous working day. An empty calendar keeps the date.
        for (var back = 1; back <= MaxEmptyDays; back++)
            if (DayMinutes(day - back) > 0) return DateOnly.FromDayNumber(day - back);
        return DateOnly.FromDayNumber(day);
    }

    // ---- internal minute arithmetic (also used by the scheduler to avoid DateTime round trips) ----

    internal static long ToMinutes(DateTime at) => at.Ticks / TimeSpan.TicksPerMinute;

    internal static DateTime ToDateTime(long minutes) => new(minutes * TimeSpan.TicksPerMinute, DateTimeKind.Unspecified);

    internal long NextWorking(long at)
    {
        var day = (int)(at / MinutesPerDayOfClock);
        var minute = (int)(at % MinutesPerDayOfClock);
        var iv = Intervals(day);
        for (var i = 0; i < iv.Length; i += 2)
            if (iv[i + 1] > minute) return (long)day * MinutesPerDayOfClock + Math.Max(iv[i], minute);
        for (var step = 1; step <= MaxEmptyDays; step++)
        {
            iv = Intervals(day + step);
            if (iv.Length > 0) return (long)(day + step) * MinutesPerDayOfClock + iv[0];
        }
        throw NoWorkingTime();
    }

    internal long PreviousWorkingEndMinute(long at)
    {
        var day = (int)(at / MinutesPerDayOfClock);
        var minute = (int)(at % MinutesPerDayOfClock);
        var iv = Intervals(day);
        for (var i = iv.Length - 2; i >= 0; i -= 2)
            if (iv[i] < minute) return (long)day * MinutesPerDayOfClock + Math.Min(iv[i + 1], minute);
        for (var step = 1; step <= MaxEmptyDays; step++)
        {
            iv = Intervals(day - step);
            if (iv.Length > 0) return (long)(day - step) * MinutesPerDayOfClock + iv[^1];
        }
        throw NoWorkingTime();
    }

    internal long Add(long at, long minutes)
    {
        if (minutes == 0) return at;
        return minutes > 0 ? Forward(at, minutes) : Backward(at, -minutes);
    }

    private long Forward(long at, long n)
    {
        var day = (int)(at / MinutesPerDayOfClock);
        var minute = (int)(at % MinutesPerDayOfClock);
        var empty = 0;
        while (true)
        {
            var iv = Intervals(day);
            for (var i = 0; i < iv.Length; i += 2)
            {
                if (iv[i + 1] <= minute) continue;
                var from = Math.Max(iv[i], minute);
                var available = iv[i + 1] - from;
                // "<=": a duration that exactly fills an interval ends at its end (17:00), not at the next start.
                if (n <= available) return (long)day * MinutesPerDayOfClock + from + n;
                n -= available;
            }

            empty = iv.Length == 0 ? empty + 1 : 0;
            if (empty > MaxEmptyDays) throw NoWorkingTime();
            day++;
            minute = 0;

            // Skip whole weeks while more than a week of work is left and no exception day is in the way.
            if (_weekMinutes > 0 && n > _weekMinutes)
            {
                var weeks = Math.Min((n - 1) / _weekMinutes, (NextExceptionDay(day) - (long)day) / 7);
                if (weeks > 0)
                {
                    day += (int)weeks * 7;
                    n -= weeks * _weekMinutes;
                }
            }
        }
    }

    private long Backward(long at, long n)
    {
        var day = (int)(at / MinutesPerDayOfClock);
        var minute = (int)(at % MinutesPerDayOfClock);
        if (minute == 0) { day--; minute = MinutesPerDayOfClock; }
        var empty = 0;
        while (true)
        {
            var iv = Intervals(day);
            for (var i = iv.Length - 2; i >= 0; i -= 2)
            {
                if (iv[i] >= minute) continue;
                var to = Math.Min(iv[i + 1], minute);
                var available = to - iv[i];
                // Mirror of Forward: going back a whole interval lands on its start (13:00), not the previous end.
                if (n <= available) return (long)day * MinutesPerDayOfClock + to - n;
                n -= available;
            }

            empty = iv.Length == 0 ? empty + 1 : 0;
            if (empty > MaxEmptyDays) throw NoWorkingTime();
            day--;
            minute = MinutesPerDayOfClock;

            if (_weekMinutes > 0 && n > _weekMinutes)
            {
                // Whole weeks [day-7w+1, day] must be free of exceptions.
                var weeks = Math.Min((n - 1) / _weekMinutes, ((long)day - PreviousExceptionDay(day)) / 7);
                if (weeks > 0)
                {
                    day -= (int)weeks * 7;
                    n -= weeks * _weekMinutes;
                }
            }
        }
    }

    internal long Between(long from, long to)
    {
        if (to == from) return 0;
        if (to < from) return -Between(to, from);
        var dayFrom = (int)(from / MinutesPerDayOfClock);
        var dayTo = (int)(to / MinutesPerDayOfClock);
        var mFrom = (int)(from % MinutesPerDayOfClock);
        var mTo = (int)(to % MinutesPerDayOfClock);
        if (dayFrom == dayTo) return Overlap(Intervals(dayFrom), mFrom, mTo);

        long total = Overlap(Intervals(dayFrom), mFrom, MinutesPerDayOfClock) + Overlap(Intervals(dayTo), 0, mTo);
        var day = dayFrom + 1;
        while (day < dayTo)
        {
            if (_weekMinutes > 0 && dayTo - day >= 7)
            {
                var weeks = Math.Min((dayTo - day) / 7, (NextExceptionDay(day) - (long)day) / 7);
                if (weeks > 0)
                {
                    total += weeks * _weekMinutes;
                    day += (int)weeks * 7;
                    continue;
                }
            }

            total += DayMinutes(day);
            day++;
        }

        return total;
    }

    internal int DayMinutes(int day) => Exception(day) is { } ex ? Sum(ex) : _weekDayMinutes[(day + 1) % 7];

    /// <summary>Day 0 (0001-01-01) is a Monday, so the weekday of day n is (n + 1) mod 7 in <see cref="DayOfWeek"/> numbering.</summary>
    internal int[] Intervals(int day) => Exception(day) ?? _week[(day + 1) % 7];

    private int[]? Exception(int day)
    {
        if (_exceptions.Count == 0) return null;
        if (_flat is not null)
        {
            var offset = day - _flatFrom;
            return (uint)offset < (uint)_flat.Length ? _flat[offset] : null;
        }

        return _exceptions.TryGetValue(day, out var ex) ? ex : null;
    }

    private int NextExceptionDay(int day)
    {
        if (_exceptionDays.Length == 0) return int.MaxValue;
        var i = Array.BinarySearch(_exceptionDays, day);
        if (i < 0) i = ~i;
        return i < _exceptionDays.Length ? _exceptionDays[i] : int.MaxValue;
    }

    private int PreviousExceptionDay(int day)
    {
        if (_exceptionDays.Length == 0) return int.MinValue / 2;
        var i = Array.BinarySearch(_exceptionDays, day);
        if (i >= 0) return day;
        i = ~i - 1;
        return i >= 0 ? _exceptionDays[i] : int.MinValue / 2;
    }

    private static int Overlap(int[] iv, int from, int to)
    {
        var total = 0;
        for (var i = 0; i < iv.Length; i += 2)
        {
            var s = Math.Max(iv[i], from);
            var e = Math.Min(iv[i + 1], to);
            if (e > s) total += e - s;
        }

        return total;
    }

    private static int Sum(int[] iv)
    {
        var total = 0;
        for (var i = 0; i < iv.Length; i += 2) total += iv[i + 1] - iv[i];
        return total;
    }

    /// <summary>Sorts, clamps to the day and merges touching or overlapping intervals (08:00–12:00 + 12:00–13:00 = 08:00–13:00).</summary>
    private static int[] Compile(IReadOnlyList<WorkingInterval>? intervals)
    {
        if (intervals is null || intervals.Count == 0) return [];
        var list = new List<(int S, int E)>(intervals.Count);
        foreach (var i in intervals)
        {
            var s = Math.Clamp(i.StartMinute, 0, MinutesPerDayOfClock);
            var e = Math.Clamp(i.EndMinute, 0, MinutesPerDayOfClock);
            if (e > s) list.Add((s, e));
        }

        list.Sort((a, b) => a.S.CompareTo(b.S));
        var merged = new List<int>(list.Count * 2);
        foreach (var (s, e) in list)
        {
            if (merged.Count > 0 && s <= merged[^1]) merged[^1] = Math.Max(merged[^1], e);
            else { merged.Add(s); merged.Add(e); }
        }

        return [.. merged];
    }

    private static InvalidOperationException NoWorkingTime() =>
        new("The calendar has no working time within twenty years of the date being scheduled.");
}
