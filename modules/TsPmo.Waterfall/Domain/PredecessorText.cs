using System.Globalization;
using System.Text.RegularExpressions;
using TsPmo.Sdk.Data;

using TsPmo.Waterfall.Engine;

namespace TsPmo.Waterfall.Domain;

/// <summary>
/// The predecessor column as Microsoft Project writes it: row IDs with an optional type and lag, e.g. <c>2, 3SS+1d, 5FF-4h</c>.
/// Rows are the task's position in the outline (the ID column), so people never need database ids.
/// </summary>
public static partial class PredecessorText
{
    public static string Format(PlanCalculator plan, long taskId)
    {
        var rows = plan.State.Tasks.Select((t, i) => (t.Id, Row: i + 1)).ToDictionary(x => x.Id, x => x.Row);
        return string.Join(", ", plan.Predecessors(taskId).Where(l => rows.ContainsKey(l.PredecessorId)).Select(l =>
        {
            var lag = plan.Days(l.Lag);
            var code = LinkCodes.Code(l.Type);
            return $"{rows[l.PredecessorId]}{(code == "FS" && lag == 0 ? "" : code)}{(lag == 0 ? "" : (lag > 0 ? "+" : "") + lag.ToString("0.##", CultureInfo.InvariantCulture) + "d")}";
        }));
    }

    public static IReadOnlyList<PredecessorInput> Parse(PlanCalculator plan, string? text)
    {
        var result = new List<PredecessorInput>();
        if (string.IsNullOrWhiteSpace(text)) return result;
        foreach (var part in text.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var m = Pattern().Match(part.Replace(" ", ""));
            if (!m.Success)
                throw new DomainValidationException("predecessors", $"\"{part}\" is not a predecessor: write the row ID, then optionally FS, SS, FF or SF and a lag, e.g. 3SS+2d.");
            var row = int.Parse(m.Groups["row"].Value, CultureInfo.InvariantCulture);
            if (row < 1 || row > plan.State.Tasks.Count) throw new DomainValidationException("predecessors", $"There is no task with ID {row}.");
            decimal? lagDays = null, lagHours = null;
            if (m.Groups["lag"].Success)
            {
                var lag = decimal.Parse(m.Groups["lag"].Value, CultureInfo.InvariantCulture);
                if (m.Groups["unit"].Value.Equals("h", StringComparison.OrdinalIgnoreCase)) lagHours = lag; else lagDays = lag;
            }
            result.Add(new PredecessorInput(plan.State.Tasks[row - 1].Id, m.Groups["type"].Success ? m.Groups["type"].Value : "FS", lagDays, lagHours));
        }
        return result;
    }

    [GeneratedRegex(@"^(?<row>\d+)(?<type>FS|SS|FF|SF)?(?<lag>[+-]\d+(\.\d+)?)?(?<unit>d|h|days?|hours?)?$", RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();
}
