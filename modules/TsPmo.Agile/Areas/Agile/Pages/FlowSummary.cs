using System.Globalization;
using TsPmo.Agile.Domain;

namespace TsPmo.Agile.Areas.Agile.Pages;

/// <summary>The figures above the metrics charts, and the one way durations are written on the page.</summary>
public sealed record FlowSummary(
    int Finished,
    PercentileSet CycleTime,
    double? LeadTimeP85,
    int RecentThroughput,
    DateOnly RecentSince,
    int InProgress,
    int OlderThanP85)
{
    /// <summary>Weeks summed for the recent throughput figure: a month, the horizon teams plan with.</summary>
    public const int RecentWeeks = 4;

    public static FlowSummary Of(FlowMetrics metrics, DateOnly periodStart)
    {
        var recent = metrics.Throughput.TakeLast(RecentWeeks).ToList();
        // The first of those weeks may start before the period (a partial week): say the day counting began.
        var since = recent.Count == 0 || recent[0].WeekStart < periodStart ? periodStart : recent[0].WeekStart;
        return new(metrics.LeadTime.Count, metrics.CycleTime, metrics.LeadTime.P85, recent.Sum(w => w.Count), since,
            metrics.Aging.Count, metrics.Aging.Count(a => a.OlderThanP85));
    }

    /// <summary>"6.2 days", one decimal: finer is noise for flow, coarser hides a same-day card.</summary>
    public static string Days(double? days) =>
        days is { } d ? d.ToString("0.0", CultureInfo.InvariantCulture) + " days" : "none";

    /// <summary>The number alone, for table cells under a "(days)" header.</summary>
    public static string Number(double days) => days.ToString("0.0", CultureInfo.InvariantCulture);
}
