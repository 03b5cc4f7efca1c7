using System.Globalization;
using TsPmo.Agile.Domain;

using TsPmo.Sdk.Time;

namespace TsPmo.Agile.Engine;

/// <summary>
/// Cycle time, lead time, weekly throughput, cumulative flow, work item age and the scatterplot, from a board's
/// cards and its recorded moves. Pure: the caller reads the data and supplies the clock and the zone.
/// </summary>
public static class FlowMetricsCalculator
{
    /// <summary>
    /// Computes the flow metrics for the days <paramref name="from"/>..<paramref name="to"/> (inclusive, local to
    /// <paramref name="zone"/>). O(cards + moves + days × columns), plus a sort of the finished cards' durations.
    /// </summary>
    /// <remarks>
    /// <list type="bullet">
    /// <item>Cycle time = Done − Started (cards with both), lead time = Done − Created; only cards done within the range.</item>
    /// <item>Throughput counts those same cards per Monday-based week, for every week overlapping the range, zero
    /// weeks included. Edge weeks only count the days inside the range, so a range that does not start on a
    /// Monday and end on a Sunday has partial first and last weeks.</item>
    /// <item>The CFD replays <paramref name="moves"/>: at each day's end a card is in the column of its last move
    /// at or before then. Moves into columns missing from <paramref name="columnOrder"/> take the card off the diagram.</item>
    /// <item>Aging lists cards started and not done that appear in <paramref name="currentColumn"/>, flagged when
    /// older (at <paramref name="now"/>) than the range's 85th percentile cycle time.</item>
    /// </list>
    /// </remarks>
    public static FlowMetrics Compute(
        IReadOnlyList<CardFlow> cards,
        IReadOnlyList<ColumnTransition> moves,
        IReadOnlyList<string> columnOrder,
        IReadOnlyDictionary<long, string> currentColumn,
        DateOnly from,
        DateOnly to,
        TimeZoneInfo zone,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(cards);
        ArgumentNullException.ThrowIfNull(moves);
        ArgumentNullException.ThrowIfNull(columnOrder);
        ArgumentNullException.ThrowIfNull(currentColumn);
        ArgumentNullException.ThrowIfNull(zone);
        if (to < from)
            throw new ArgumentOutOfRangeException(nameof(to), to, string.Create(CultureInfo.InvariantCulture, $"The range must not end ({to:yyyy-MM-dd}) before it starts ({from:yyyy-MM-dd})."));

        // Compare instants against the range's bounds once instead of converting every card's instants to local days.
        var rangeStart = ZoneCalendar.StartOfDay(from, zone);
        var rangeEnd = ZoneCalendar.StartOfDay(to.AddDays(1), zone);
        var firstWeek = Weeks.StartOf(from);
        var perWeek = new int[(Weeks.StartOf(to).DayNumber - firstWeek.DayNumber) / 7 + 1];

        var cycle = new List<double>();
        var lead = new List<double>();
        var scatter = new List<ScatterPoint>();
        foreach (var card in cards)
        {
            if (card.Done is not { } done || done < rangeStart || done >= rangeEnd) continue;
            var doneOn = ZoneCalendar.DayOf(done, zone);
            perWeek[(doneOn.DayNumber - firstWeek.DayNumber) / 7]++;
            var leadDays = (done - card.Created).TotalDays;
            lead.Add(leadDays);
            if (card.Started is { } started)
            {
                var cycleDays = (done - started).TotalDays;
                cycle.Add(cycleDays);
                scatter.Add(new ScatterPoint(card.CardId, card.Title, doneOn, cycleDays, leadDays));
            }
        }
        scatter.Sort((a, b) => a.DoneOn != b.DoneOn ? a.DoneOn.CompareTo(b.DoneOn) : a.CardId.CompareTo(b.CardId));

        var throughput = new WeeklyCount[perWeek.Length];
        for (var w = 0; w < perWeek.Length; w++) throughput[w] = new WeeklyCount(firstWeek.AddDays(7 * w), perWeek[w]);

        var cycleTime = PercentileSet.From(cycle);
        return new FlowMetrics(
            cycleTime,
            PercentileSet.From(lead),
            throughput,
            CumulativeFlow.Build(moves, columnOrder, from, to, zone),
            WorkItemAge.Of(cards, currentColumn, now, cycleTime.P85),
            scatter);
    }
}
