namespace TsPmo.Scrum.Engine;

/// <summary>
/// One recorded change to a sprint: the points it adds to the sprint's scope and to its completed work at an
/// instant. Committing an item at the start adds its points to scope; adding an item mid-sprint likewise; removing
/// one takes them away; finishing an item adds its points to done, reopening takes them back; re-estimating adds the
/// difference to scope (and to done, when the item is already done).
/// </summary>
public readonly record struct ScopeChange(DateTimeOffset At, decimal ScopeDelta, decimal DoneDelta);

/// <summary>
/// One calendar day of a sprint, at the end of that day in the organization's time zone. Remaining, scope and
/// completed are null for days after the last known day (the future); today shows the state so far.
/// </summary>
public sealed record BurndownDay(DateOnly Date, decimal? RemainingPoints, decimal IdealPoints, decimal? ScopePoints, decimal? CompletedPoints, bool WorkingDay);

/// <summary>A sprint's burndown and burnup series, one entry per calendar day from the start date to the end date.</summary>
public sealed record Burndown(decimal CommittedPoints, IReadOnlyList<BurndownDay> Days)
{
    /// <summary>The last day with actual figures (today during the sprint, the end date after it), or null before the start.</summary>
    public BurndownDay? Latest => Days.LastOrDefault(d => d.RemainingPoints is not null);
}

/// <summary>
/// Burndown and burnup from recorded history (see ADR 0007). For each calendar day d of the sprint:
/// <list type="bullet">
/// <item>scope(d) = sum of scope deltas recorded up to the end of d (the commitment at the start, plus added, minus removed, plus re-estimates);</item>
/// <item>completed(d) = sum of done deltas up to the end of d; remaining(d) = scope(d) − completed(d);</item>
/// <item>ideal(d) = committed × (working days after d) / (working days in the sprint): the ideal line burns only on
/// Monday to Friday and stays flat over weekends, reaching 0 at the end of the last working day. A sprint with no
/// working day at all burns evenly over its calendar days.</item>
/// </list>
/// A change before the start day counts on the start day; one after the end day (a sprint completed late) on the end
/// day. Days after <c>lastKnownDay</c> (the future) carry only the ideal line.
/// </summary>
public static class BurndownCalculator
{
    public static Burndown Compute(DateOnly start, DateOnly end, decimal committed, IReadOnlyList<ScopeChange> changes, TimeZoneInfo zone, DateOnly lastKnownDay)
    {
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentNullException.ThrowIfNull(zone);
        if (end < start) throw new ArgumentOutOfRangeException(nameof(end), end, "A sprint ends on or after its start.");
        var count = end.DayNumber - start.DayNumber + 1;

        // Per-day deltas: one pass over the changes, one over the days.
        var scope = new decimal[count];
        var done = new decimal[count];
        var utc = zone == TimeZoneInfo.Utc;
        for (var i = 0; i < changes.Count; i++)
        {
            var change = changes[i];
            var local = utc ? change.At.UtcDateTime : TimeZoneInfo.ConvertTime(change.At, zone).DateTime;
            var index = Math.Clamp(DateOnly.FromDateTime(local).DayNumber - start.DayNumber, 0, count - 1);
            scope[index] += change.ScopeDelta;
            done[index] += change.DoneDelta;
        }

        var working = new bool[count];
        var workingTotal = 0;
        for (var i = 0; i < count; i++)
        {
            var dow = start.AddDays(i).DayOfWeek;
            working[i] = dow is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
            if (working[i]) workingTotal++;
        }
        if (workingTotal == 0)
        {
            Array.Fill(working, true);
            workingTotal = count;
        }

        var days = new BurndownDay[count];
        decimal scopeSoFar = 0, doneSoFar = 0;
        var burned = 0;
        for (var i = 0; i < count; i++)
        {
            var date = start.AddDays(i);
            scopeSoFar += scope[i];
            doneSoFar += done[i];
            if (working[i]) burned++;
            var ideal = Math.Round(committed * (workingTotal - burned) / workingTotal, 2);
            var known = date <= lastKnownDay;
            days[i] = new BurndownDay(date, known ? scopeSoFar - doneSoFar : null, ideal, known ? scopeSoFar : null, known ? doneSoFar : null, working[i]);
        }
        return new Burndown(committed, days);
    }
}
