using TsPmo.Agile.Domain;

namespace TsPmo.Benchmarks;

/// <summary>Synthetic board history for the benchmarks: cards created across the period, walking the columns in order.</summary>
internal static class BoardHistory
{
    public static (CardFlow[] Cards, ColumnTransition[] Moves, Dictionary<long, string> CurrentColumn) Generate(
        int count, string[] columns, DateTimeOffset start, DateTimeOffset now, Random random)
    {
        var cards = new CardFlow[count];
        var moves = new List<ColumnTransition>(count * columns.Length);
        var current = new Dictionary<long, string>(count);
        var span = (now - start).TotalDays;
        for (var id = 1; id <= count; id++)
        {
            var created = start.AddDays(random.NextDouble() * span);
            var at = created;
            DateTimeOffset? started = null, done = null;
            moves.Add(new ColumnTransition(id, null, columns[0], at));
            var column = 0;
            // Half a day to five days per column; a card whose next move would be in the future stays put.
            while (column < columns.Length - 1)
            {
                var next = at.AddDays(0.5 + random.NextDouble() * 4.5);
                if (next > now) break;
                moves.Add(new ColumnTransition(id, columns[column], columns[column + 1], next));
                at = next;
                column++;
                if (column == 2) started = at;
                if (column == columns.Length - 1) done = at;
            }
            cards[id - 1] = new CardFlow(id, $"Card {id}", created, started, done);
            current[id] = columns[column];
        }
        moves.Sort((a, b) => a.At.CompareTo(b.At)); // the repository reads moves in time order
        return (cards, moves.ToArray(), current);
    }
}
