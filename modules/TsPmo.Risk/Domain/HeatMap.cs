namespace TsPmo.Risk.Domain;

/// <summary>
/// Counts of live risks on the 5×5 grid, laid out as drawn: <see cref="Cells"/>[row][column] with rows by impact
/// 5→1 and columns by probability 1→5, so Cells[0][4] is impact 5, probability 5.
/// </summary>
public sealed class HeatMap
{
    public const string RowsLabel = "impact 5→1";
    public const string ColumnsLabel = "probability 1→5";

    private HeatMap(int[][] cells) => Cells = cells;

    public int[][] Cells { get; }

    public int Total => Cells.Sum(row => row.Sum());

    public int Count(int probability, int impact) => Cells[5 - impact][probability - 1];

    public static HeatMap Empty => new(NewGrid());

    /// <summary>From (probability, impact, count) groups; values outside 1–5 cannot occur (the table checks them) and are ignored.</summary>
    public static HeatMap From(IEnumerable<(int Probability, int Impact, int Count)> groups)
    {
        var cells = NewGrid();
        foreach (var (p, i, n) in groups)
            if (p is >= 1 and <= 5 && i is >= 1 and <= 5) cells[5 - i][p - 1] += n;
        return new HeatMap(cells);
    }

    private static int[][] NewGrid() => Enumerable.Range(0, 5).Select(_ => new int[5]).ToArray();
}
