using TsPmo.Agile.Domain;
using TsPmo.Agile.Engine;

namespace TsPmo.Agile.Tests;

/// <summary>
/// A hand-made three-column board (Backlog → Doing → Done) in UTC, small enough to count on paper. Times are
/// UTC; March 2024 starts on a Friday, so Monday 4 March opens the first week.
/// <code>
/// card  created       started       done          now in
/// 1 A   Mar 1 09:00   Mar 4 09:00   Mar 6 21:00   Done     cycle 2.5  lead 5.5
/// 2 B   Mar 4 10:00   Mar 5 10:00   Mar 7 10:00   Done     cycle 2    lead 3
/// 3 C   Mar 5 00:00   Mar 11 00:00  Mar 21 00:00  Done     cycle 10   lead 16
/// 4 D   Mar 5 00:00   —             Mar 8 12:00   Done     (no cycle) lead 3.5
/// 5 E   Feb 20        Feb 21        Feb 28        Done     done before the range
/// 6 F   Mar 6 00:00   Mar 12 00:00  —             Doing    age at Mar 24 12:00 = 12.5
/// 7 G   Mar 20 00:00  Mar 22 12:00  —             Doing    age 2
/// 8 H   Mar 23 00:00  —             —             Backlog  not started: not aging
/// 9 I   Mar 10 00:00  Mar 12 00:00  Mar 25 00:00  Done     done after the range
/// </code>
/// </summary>
internal static class SmallBoard
{
    public static readonly string[] Columns = ["Backlog", "Doing", "Done"];
    public static readonly DateOnly From = new(2024, 3, 4);
    public static readonly DateOnly To = new(2024, 3, 24);
    public static readonly DateTimeOffset Now = At(3, 24, 12);

    public static readonly CardFlow[] Cards =
    [
        new(1, "A", At(3, 1, 9), At(3, 4, 9), At(3, 6, 21)),
        new(2, "B", At(3, 4, 10), At(3, 5, 10), At(3, 7, 10)),
        new(3, "C", At(3, 5), At(3, 11), At(3, 21)),
        new(4, "D", At(3, 5), null, At(3, 8, 12)),
        new(5, "E", At(2, 20), At(2, 21), At(2, 28)),
        new(6, "F", At(3, 6), At(3, 12), null),
        new(7, "G", At(3, 20), At(3, 22, 12), null),
        new(8, "H", At(3, 23), null, null),
        new(9, "I", At(3, 10), At(3, 12), At(3, 25)),
    ];

    public static readonly ColumnTransition[] Moves =
    [
        new(5, null, "Backlog", At(2, 20)), new(5, "Backlog", "Doing", At(2, 21)), new(5, "Doing", "Done", At(2, 28)),
        new(1, null, "Backlog", At(3, 1, 9)), new(1, "Backlog", "Doing", At(3, 4, 9)),
        new(2, null, "Backlog", At(3, 4, 10)),
        new(3, null, "Backlog", At(3, 5)), new(4, null, "Backlog", At(3, 5)),
        new(2, "Backlog", "Doing", At(3, 5, 10)),
        new(6, null, "Backlog", At(3, 6)), new(1, "Doing", "Done", At(3, 6, 21)),
        new(2, "Doing", "Done", At(3, 7, 10)),
        new(4, "Backlog", "Done", At(3, 8, 12)),
        new(9, null, "Backlog", At(3, 10)),
        new(3, "Backlog", "Doing", At(3, 11)),
        new(6, "Backlog", "Doing", At(3, 12)), new(9, "Backlog", "Doing", At(3, 12)),
        new(7, null, "Backlog", At(3, 20)),
        new(3, "Doing", "Done", At(3, 21)),
        new(7, "Backlog", "Doing", At(3, 22, 12)),
        new(8, null, "Backlog", At(3, 23)),
        new(9, "Doing", "Done", At(3, 25)),
    ];

    public static readonly Dictionary<long, string> CurrentColumn = new()
    {
        [1] = "Done", [2] = "Done", [3] = "Done", [4] = "Done", [5] = "Done",
        [6] = "Doing", [7] = "Doing", [8] = "Backlog", [9] = "Done",
    };

    public static FlowMetrics Compute(DateOnly? from = null, DateOnly? to = null, IReadOnlyList<ColumnTransition>? moves = null) =>
        FlowMetricsCalculator.Compute(Cards, moves ?? Moves, Columns, CurrentColumn, from ?? From, to ?? To, TimeZoneInfo.Utc, Now);

    public static DateTimeOffset At(int month, int day, int hour = 0) => new(2024, month, day, hour, 0, 0, TimeSpan.Zero);
}
