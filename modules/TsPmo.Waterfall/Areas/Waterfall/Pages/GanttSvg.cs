using System.Globalization;
using System.Net;
using System.Text;
using TsPmo.Waterfall.Engine;
using TsPmo.Waterfall.Engine.Calendars;
using TsPmo.Waterfall.Engine.Scheduling;

namespace TsPmo.Waterfall.Areas.Waterfall.Pages;

/// <summary>
/// The Gantt chart drawn on the server as SVG (ADR 0009): task bars with progress, summary brackets, milestone diamonds,
/// links as elbow arrows, the critical path in red with a thicker outline, baseline bars under the tasks and a today
/// line. Working hours fill each day's column, so a bar ending at 17:00 ends at the day's edge as in Microsoft Project.
/// </summary>
public sealed class GanttSvg(PlanCalculator plan, IReadOnlyDictionary<long, (DateTime? Start, DateTime? Finish)> baseline, DateOnly today)
{
    public const int MaxRows = 400;
    private const int LabelWidth = 300, Left = LabelWidth + 14, RowHeight = 30, HeaderHeight = 44, BarHeight = 14;

    // Inks ≥ 4.5:1 on white; fills are light tints of them with the dark ink as outline.
    private const string Blue = "#0b5394", BlueFill = "#cfe2ff", Red = "#b02a37", RedFill = "#f8d7da", Ink = "#212529", Grey = "#6c757d",
        Weekend = "#f1f3f5", Grid = "#dee2e6", Today = "#a04f00", Link = "#495057";

    private DateOnly _from;
    private double _dayWidth;

    public string Render(string titleId, string descId)
    {
        var tasks = plan.State.Tasks.Take(MaxRows).ToList();
        var dates = tasks.SelectMany(t => new[] { t.EarlyStart, t.EarlyFinish }).Concat(baseline.Values.SelectMany(b => new[] { b.Start, b.Finish }))
            .Where(d => d is not null).Select(d => DateOnly.FromDateTime(d!.Value)).ToList();
        if (dates.Count == 0) return "";
        _from = dates.Min();
        _from = TsPmo.Sdk.Time.Weeks.StartOf(_from);
        var to = dates.Max().AddDays(2);
        var days = to.DayNumber - _from.DayNumber + 1;
        // Fits the page's content width (about 1,100 px) beside the labels; long plans scroll sideways.
        _dayWidth = Math.Clamp(740.0 / days, 4, 40);
        var width = Left + days * _dayWidth + 70;
        var height = HeaderHeight + tasks.Count * RowHeight + 10;
        var rows = tasks.Select((t, i) => (t, i)).ToDictionary(x => x.t.Id, x => x.i);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"""<svg xmlns="http://www.w3.org/2000/svg" class="wf-gantt-svg" width="{F(width)}" height="{F(height)}" viewBox="0 0 {F(width)} {F(height)}" role="img" aria-labelledby="{titleId} {descId}" font-family="system-ui, sans-serif" font-size="13">""");
        svg.Append("""<defs><marker id="wf-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#495057"/></marker></defs>""");

        // Calendar background: non-working days shaded, a line and label every Monday, month names on top.
        for (var d = 0; d < days; d++)
        {
            var day = _from.AddDays(d);
            var x = Left + d * _dayWidth;
            if (DayTimes.Intervals(plan.State.Calendar, day).Count == 0)
                svg.Append(CultureInfo.InvariantCulture, $"""<rect x="{F(x)}" y="{HeaderHeight}" width="{F(_dayWidth)}" height="{F(height - HeaderHeight)}" fill="{Weekend}"/>""");
            if (day.DayOfWeek == DayOfWeek.Monday)
            {
                svg.Append(CultureInfo.InvariantCulture, $"""<line x1="{F(x)}" y1="22" x2="{F(x)}" y2="{F(height)}" stroke="{Grid}"/>""");
                if (_dayWidth * 7 >= 38 && _dayWidth < 18) svg.Append(CultureInfo.InvariantCulture, $"""<text x="{F(x + 3)}" y="38" fill="{Ink}" font-size="12">{day.Day}</text>""");
            }
            if (_dayWidth >= 18)
                svg.Append(CultureInfo.InvariantCulture, $"""<text x="{F(x + _dayWidth / 2)}" y="38" fill="{Ink}" font-size="12" text-anchor="middle"{(day.DayOfWeek == DayOfWeek.Monday ? " font-weight=\"600\"" : "")}>{day.Day}</text>""");
            if (day.Day == 1 || d == 0)
                svg.Append(CultureInfo.InvariantCulture, $"""<text x="{F(x + 3)}" y="16" fill="{Ink}" font-weight="600">{day.ToString("MMM yyyy", CultureInfo.InvariantCulture)}</text>""");
        }
        svg.Append(CultureInfo.InvariantCulture, $"""<line x1="0" y1="{HeaderHeight}" x2="{F(width)}" y2="{HeaderHeight}" stroke="{Grey}"/>""");
        svg.Append(CultureInfo.InvariantCulture, $"""<text x="6" y="38" fill="{Ink}" font-weight="600">Task</text>""");

        // Task names, one row each; summaries bold, indented by outline level.
        foreach (var (t, i) in tasks.Select((t, i) => (t, i)))
        {
            var y = HeaderHeight + i * RowHeight;
            if (i % 2 == 1) svg.Append(CultureInfo.InvariantCulture, $"""<rect x="0" y="{y}" width="{LabelWidth}" height="{RowHeight}" fill="#f8f9fa"/>""");
            var name = t.Name.Length > 38 - t.OutlineLevel * 2 ? t.Name[..Math.Max(8, 36 - t.OutlineLevel * 2)] + "…" : t.Name;
            svg.Append(CultureInfo.InvariantCulture, $"""<text x="{6 + (t.OutlineLevel - 1) * 14}" y="{y + 19}" fill="{Ink}"{(plan.IsSummary(t) ? " font-weight=\"700\"" : "")}>{E(name)}</text>""");
        }
        svg.Append(CultureInfo.InvariantCulture, $"""<line x1="{LabelWidth}" y1="0" x2="{LabelWidth}" y2="{F(height)}" stroke="{Grey}"/>""");

        // Links first, so bars draw over their ends.
        foreach (var l in plan.State.Links)
        {
            if (!rows.TryGetValue(l.PredecessorId, out var pi) || !rows.TryGetValue(l.SuccessorId, out var si)) continue;
            var p = tasks[pi];
            var s = tasks[si];
            if (p.EarlyStart is null || s.EarlyStart is null) continue;
            var fromX = l.Type is LinkType.StartToStart or LinkType.StartToFinish ? X(p.EarlyStart) : X(p.EarlyFinish);
            var toX = l.Type is LinkType.FinishToFinish or LinkType.StartToFinish ? X(s.EarlyFinish) : X(s.EarlyStart);
            var entersFromRight = l.Type is LinkType.FinishToFinish or LinkType.StartToFinish;
            var leavesFromStart = l.Type is LinkType.StartToStart or LinkType.StartToFinish;
            var y1 = HeaderHeight + pi * RowHeight + RowHeight / 2.0;
            var y2 = HeaderHeight + si * RowHeight + RowHeight / 2.0;
            var critical = p.Critical && s.Critical;
            string path;
            if (entersFromRight)
                path = $"M{F(fromX)},{F(y1)} H{F(Math.Max(fromX + (leavesFromStart ? -8 : 8), toX + 10))} V{F(y2)} H{F(toX + 1)}";
            else if (!leavesFromStart && toX >= fromX + 10)
                path = $"M{F(fromX)},{F(y1)} H{F(toX - 8)} V{F(y2)} H{F(toX - 1)}";
            else
            {
                // The successor starts left of where the link leaves: step out, drop between the rows, come in from the left.
                var gap = HeaderHeight + (si > pi ? si : si + 1) * RowHeight;
                var outX = leavesFromStart ? Math.Min(fromX, toX) - 8 : fromX + 8;
                path = $"M{F(fromX)},{F(y1)} H{F(outX)} V{F(gap)} H{F(Math.Min(outX, toX - 8))} V{F(y2)} H{F(toX - 1)}";
            }
            svg.Append(CultureInfo.InvariantCulture, $"""<path d="{path}" fill="none" stroke="{(critical ? Red : Link)}" stroke-width="{(critical ? 1.6 : 1.1)}" marker-end="url(#wf-arrow)"/>""");
        }

        foreach (var (t, i) in tasks.Select((t, i) => (t, i)))
        {
            var mid = HeaderHeight + i * RowHeight + RowHeight / 2.0;
            if (baseline.TryGetValue(t.Id, out var b) && b.Start is not null && b.Finish is not null && !plan.IsSummary(t))
            {
                var bx = X(b.Start);
                var bw = Math.Max(X(b.Finish) - bx, 2);
                svg.Append(CultureInfo.InvariantCulture, $"""<rect x="{F(bx)}" y="{F(mid + BarHeight / 2.0 + 1)}" width="{F(bw)}" height="5" fill="{Grey}"><title>Baseline {E(t.Name)}</title></rect>""");
            }
            if (t.EarlyStart is null || t.EarlyFinish is null) continue;
            var x1 = X(t.EarlyStart);
            var x2 = X(t.EarlyFinish);
            var label = $"{E(t.Name)}: {Day(plan.StartDay(t, t.EarlyStart))} to {Day(plan.FinishDay(t, t.EarlyFinish))}{(t.Critical ? ", critical" : "")}";
            if (plan.IsSummary(t))
            {
                var top = mid - 5;
                svg.Append(CultureInfo.InvariantCulture, $"""<path d="M{F(x1)},{F(top)} H{F(x2)} V{F(top + 12)} L{F(x2 - 5)},{F(top + 7)} H{F(x1 + 5)} L{F(x1)},{F(top + 12)} Z" fill="{Ink}"><title>{label}</title></path>""");
            }
            else if (t.Milestone || t.DurationMinutes == 0)
            {
                var color = t.Critical ? Red : Ink;
                svg.Append(CultureInfo.InvariantCulture, $"""<path d="M{F(x2)},{F(mid - 8)} L{F(x2 + 8)},{F(mid)} L{F(x2)},{F(mid + 8)} L{F(x2 - 8)},{F(mid)} Z" fill="{color}"><title>{label}</title></path>""");
                svg.Append(CultureInfo.InvariantCulture, $"""<text x="{F(x2 + 12)}" y="{F(mid + 4)}" fill="{Ink}" font-size="12">{Day(plan.FinishDay(t, t.EarlyFinish))}</text>""");
            }
            else
            {
                var (stroke, fill) = t.Critical ? (Red, RedFill) : (Blue, BlueFill);
                var w = Math.Max(x2 - x1, 2);
                svg.Append(CultureInfo.InvariantCulture, $"""<rect x="{F(x1)}" y="{F(mid - BarHeight / 2.0)}" width="{F(w)}" height="{BarHeight}" rx="2" fill="{fill}" stroke="{stroke}" stroke-width="{(t.Critical ? 2 : 1.2)}"><title>{label}</title></rect>""");
                if (t.PercentComplete > 0)
                    svg.Append(CultureInfo.InvariantCulture, $"""<rect x="{F(x1)}" y="{F(mid - BarHeight / 2.0)}" width="{F(w * (double)t.PercentComplete / 100)}" height="{BarHeight}" rx="2" fill="{stroke}"/>""");
                svg.Append(CultureInfo.InvariantCulture, $"""<text x="{F(x1 + w + 5)}" y="{F(mid + 4)}" fill="{Ink}" font-size="12">{(t.PercentComplete > 0 ? $"{t.PercentComplete:0.#}%" : "")}</text>""");
            }
        }

        if (today >= _from && today <= to)
        {
            var x = Left + (today.DayNumber - _from.DayNumber + 0.5) * _dayWidth;
            svg.Append(CultureInfo.InvariantCulture, $"""<line x1="{F(x)}" y1="20" x2="{F(x)}" y2="{F(height)}" stroke="{Today}" stroke-width="2" stroke-dasharray="5 3"/>""");
            // Labelled in the month row (the day row is full of numbers), on a white halo so it stays readable.
            svg.Append(CultureInfo.InvariantCulture, $"""<text x="{F(x)}" y="16" fill="{Today}" font-size="12" font-weight="700" text-anchor="middle" stroke="#fff" stroke-width="4" paint-order="stroke">Today</text>""");
        }
        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>x of a moment: its day's column, with the day's working hours spread over the column's width.</summary>
    private double X(DateTime? at)
    {
        if (at is not { } t) return Left;
        var day = DateOnly.FromDateTime(t);
        var start = DayTimes.StartOf(plan.State.Calendar, day);
        var end = DayTimes.EndOf(plan.State.Calendar, day);
        var fraction = end > start ? Math.Clamp((t - start).TotalMinutes / (end - start).TotalMinutes, 0, 1) : 0;
        return Left + (day.DayNumber - _from.DayNumber + fraction) * _dayWidth;
    }

    private static string Day(DateOnly? day) => day?.ToString("d MMM", CultureInfo.InvariantCulture) ?? "";

    private static string F(double v) => Math.Round(v, 1).ToString(CultureInfo.InvariantCulture);

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
