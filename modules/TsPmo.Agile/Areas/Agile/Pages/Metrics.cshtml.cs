using TsPmo.Sdk.Security;
using TsPmo.Sdk.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Ports.Directory;
using TsPmo.Agile.Domain;
using TsPmo.Agile.Services;

namespace TsPmo.Agile.Areas.Agile.Pages;

/// <summary>
/// Flow metrics of a Kanban project over a period (the history window by default): summary figures, then four
/// charts drawn by agile-metrics.js from a JSON block, each with its data as a table for readers without the chart.
/// </summary>
public sealed class MetricsModel(BoardService board, FlowService flow) : ProjectPageModel
{
    protected override string? MethodologyId => AgileModule.Id;
    protected override string WorkPermission => AgileModule.EditCards;
    protected override string ManagePermission => AgileModule.ManageBoard;

    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }

    /// <summary>Null when the period was refused: the form shows why.</summary>
    public FlowMetrics? Metrics { get; private set; }
    public FlowSummary Summary { get; private set; } = null!;

    /// <summary>The work item age chart's x axis: the in-progress columns in board order, plus any other column holding a card in progress.</summary>
    public IReadOnlyList<string> AgingColumns { get; private set; } = [];

    /// <summary>
    /// The charts' data. The default encoder escapes &lt;, &gt; and &amp;, so a card titled "&lt;/script&gt;" cannot
    /// close the script element this is written into raw.
    /// </summary>
    public string ChartJson { get; private set; } = "{}";

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        await LoadProjectAsync(id, "Flow metrics", ct);
        // A date the browser could not send as yyyy-MM-dd: its message shows next to the field, no charts.
        if (!ModelState.IsValid) return Page();
        try
        {
            Metrics = await flow.MetricsAsync(id, From, To, ct);
        }
        catch (DomainValidationException ex)
        {
            foreach (var (field, messages) in ex.Errors)
                foreach (var message in messages) ModelState.AddModelError(field.Length == 0 ? "" : char.ToUpperInvariant(field[0]) + field[1..], message);
            return Page();
        }
        From = Metrics.Cfd.Days[0];
        To = Metrics.Cfd.Days[^1];
        Summary = FlowSummary.Of(Metrics, From.Value);
        AgingColumns = InProgressColumns((await board.GetAsync(id, ct)).Columns, Metrics.Aging);
        ChartJson = JsonSerializer.Serialize(new
        {
            cycle = Metrics.CycleTime,
            Metrics.Scatter,
            Metrics.Throughput,
            Metrics.Cfd,
            Metrics.Aging,
            agingColumns = AgingColumns,
        }, JsonSerializerOptions.Web);
        return Page();
    }

    private static List<string> InProgressColumns(IReadOnlyList<BoardColumn> columns, IReadOnlyList<AgingItem> aging)
    {
        var started = columns.ToList().FindIndex(c => c.IsStarted);
        var done = columns.ToList().FindIndex(c => c.IsDone);
        return columns
            .Where((c, i) => (started >= 0 && i >= started && (done < 0 || i < done)) || aging.Any(a => a.Column == c.Name))
            .Select(c => c.Name)
            .ToList();
    }
}
