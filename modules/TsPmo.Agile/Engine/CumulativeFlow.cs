using TsPmo.Agile.Domain;
namespace TsPmo.Agile.Engine;

/// <summary>
/// Replays the recorded moves day by day to count the cards in each column at the end of every day. One sweep
/// over the moves in time order keeps it O(moves + days × columns) instead of re-scanning the history per day.
/// </summary>
internal static class CumulativeFlow
{
    public static CfdSeries Build(
        IReadOnlyList<ColumnTransition> moves, IReadOnlyList<string> columnOrder, DateOnly from, DateOnly to, TimeZoneInfo zone)
    {
        var columnIndex = new Dictionary<string, int>(columnOrder.Count, StringComparer.Ordinal);
        for (var c = 0; c < columnOrder.Count; c++)
        {
            if (!columnIndex.TryAdd(columnOrder[c], c))
                throw new ArgumentException($"Column '{columnOrder[c]}' appears twice in the column order.", nameof(columnOrder));
        }

        var ordered = InTimeOrder(moves);
        var dayCount = to.DayNumber - from.DayNumber + 1;
        var days = new DateOnly[dayCount];
        var bands = new int[columnOrder.Count][];
        for (var c = 0; c < bands.Length; c++) bands[c] = new int[dayCount];

        // Where each card is now in the replay; -1 for a column no longer on the board (counted nowhere). The card
        // leaves the column its own previous move put it in, not the move's FromColumn: a gap or a renamed column in
        // the history then cannot leave a card counted twice.
        var cardColumn = new Dictionary<long, int>();
        var inColumn = new int[columnOrder.Count];
        var next = 0;
        for (var d = 0; d < dayCount; d++)
        {
            days[d] = from.AddDays(d);
            // "At or before the day's end" = strictly before the next day's first instant.
            var dayEnd = ZoneCalendar.StartOfDay(days[d].AddDays(1), zone);
            while (next < ordered.Count && ordered[next].At < dayEnd)
            {
                var move = ordered[next++];
                if (cardColumn.TryGetValue(move.CardId, out var previous) && previous >= 0) inColumn[previous]--;
                var target = columnIndex.GetValueOrDefault(move.ToColumn, -1);
                if (target >= 0) inColumn[target]++;
                cardColumn[move.CardId] = target;
            }
            for (var c = 0; c < inColumn.Length; c++) bands[c][d] = inColumn[c];
        }

        var result = new CfdBand[columnOrder.Count];
        for (var c = 0; c < result.Length; c++) result[c] = new CfdBand(columnOrder[c], bands[c]);
        return new CfdSeries(days, result);
    }

    /// <summary>
    /// The moves by instant. The repository reads them ordered already, so check in O(n) first; otherwise a stable
    /// sort, so a creation and a move recorded in the same tick keep their recorded order.
    /// </summary>
    private static IReadOnlyList<ColumnTransition> InTimeOrder(IReadOnlyList<ColumnTransition> moves)
    {
        for (var i = 1; i < moves.Count; i++)
        {
            if (moves[i].At < moves[i - 1].At) return moves.OrderBy(m => m.At).ToArray();
        }
        return moves;
    }
}
