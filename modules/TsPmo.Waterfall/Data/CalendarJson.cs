using System.Text.Json;
using TsPmo.Waterfall.Engine.Calendars;

namespace TsPmo.Waterfall.Data;

/// <summary>A calendar's week and an exception's working times as compact JSON: <c>{"Monday":[[480,720],[780,1020]]}</c>.</summary>
internal static class CalendarJson
{
    public static string Week(IReadOnlyDictionary<DayOfWeek, IReadOnlyList<WorkingInterval>> week) =>
        JsonSerializer.Serialize(week.Where(d => d.Value.Count > 0).ToDictionary(d => d.Key.ToString(), d => Intervals(d.Value)));

    public static IReadOnlyDictionary<DayOfWeek, IReadOnlyList<WorkingInterval>> ParseWeek(string json)
    {
        var raw = JsonSerializer.Deserialize<Dictionary<string, int[][]>>(json) ?? [];
        return raw.ToDictionary(d => Enum.Parse<DayOfWeek>(d.Key), d => ParseIntervals(d.Value));
    }

    public static string Working(IReadOnlyList<WorkingInterval> intervals) => JsonSerializer.Serialize(Intervals(intervals));

    public static IReadOnlyList<WorkingInterval> ParseWorking(string json) => ParseIntervals(JsonSerializer.Deserialize<int[][]>(json) ?? []);

    private static int[][] Intervals(IReadOnlyList<WorkingInterval> intervals) => intervals.Select(i => new[] { i.StartMinute, i.EndMinute }).ToArray();

    private static IReadOnlyList<WorkingInterval> ParseIntervals(int[][] raw) => raw.Select(i => new WorkingInterval(i[0], i[1])).ToList();
}
