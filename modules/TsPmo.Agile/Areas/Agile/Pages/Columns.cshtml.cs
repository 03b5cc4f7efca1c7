using TsPmo.Sdk.Security;
using Microsoft.AspNetCore.Mvc;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Ports.Directory;
using TsPmo.Sdk.Web;
using TsPmo.Agile.Domain;
using TsPmo.Agile.Services;

namespace TsPmo.Agile.Areas.Agile.Pages;

/// <summary>
/// The board's columns in one form: name, WIP limit, policy, where work starts and which column is done.
/// Rows with an empty name are dropped (how a column is removed); two blank rows are offered for new columns.
/// </summary>
public sealed class ColumnsModel(BoardService board) : ProjectPageModel
{
    protected override string? MethodologyId => AgileModule.Id;
    protected override string WorkPermission => AgileModule.EditCards;
    protected override string ManagePermission => AgileModule.ManageBoard;

    public sealed class Row
    {
        public string? Name { get; set; }
        public int? WipLimit { get; set; }
        public string? Policy { get; set; }
        public string? OriginalName { get; set; }
        public int? CardCount { get; set; }
    }

    [BindProperty] public List<Row> Rows { get; set; } = [];
    [BindProperty] public int StartedRow { get; set; }
    [BindProperty] public int DoneRow { get; set; }
    [BindProperty] public string? MoveRemovedTo { get; set; }
    /// <summary>The column layout's version the form was read at; a post without one applies to the layout as stored then.</summary>
    [BindProperty] public long? Version { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        await LoadProjectAsync(id, "Columns", ct);
        await board.EnsureColumnsAsync(id, ct);
        var view = await board.GetAsync(id, ct);
        Rows = view.Columns.Select(c => new Row { Name = c.Name, OriginalName = c.Name, WipLimit = c.WipLimit, Policy = c.Policy, CardCount = view.CountIn(c.Id) }).ToList();
        StartedRow = view.Columns.ToList().FindIndex(c => c.IsStarted);
        DoneRow = view.Columns.ToList().FindIndex(c => c.IsDone);
        Version = view.ColumnsVersion;
        Rows.Add(new Row());
        Rows.Add(new Row());
        return Page();
    }

    [ProjectPermission(AgileModule.ManageBoard)]
    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        await LoadProjectAsync(id, "Columns", ct);
        var definitions = Rows.Select((r, i) => (Row: r, Index: i)).Where(x => !string.IsNullOrWhiteSpace(x.Row.Name))
            .Select(x => new ColumnDefinition(x.Row.Name, x.Row.WipLimit, x.Row.Policy, x.Index == StartedRow, x.Index == DoneRow)).ToList();
        var kept = definitions.Select(d => d.Name!.Trim()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var moves = Rows.Where(r => r.OriginalName is not null && !kept.Contains(r.OriginalName) && !string.IsNullOrWhiteSpace(MoveRemovedTo))
            .ToDictionary(r => r.OriginalName!, _ => MoveRemovedTo!.Trim());
        try
        {
            await board.SetColumnsAsync(id, definitions, moves, Version, ct);
        }
        catch (DomainValidationException ex)
        {
            // The rows are a grid, not fields of one input model: every message goes above it.
            foreach (var message in ex.Errors.SelectMany(e => e.Value)) ModelState.AddModelError("", message);
            return Page();
        }
        TempData.Success("The board's columns are saved.");
        return RedirectToPage("/Board", new { area = "Agile", id });
    }

    /// <summary>
    /// Before a refused save is shown again: after a conflict the current version lets a second save deliberately
    /// replace the other change; the rows stay as typed.
    /// </summary>
    protected override async Task ReloadAsync(CancellationToken ct) => Version = (await board.GetAsync(Project.Id, ct)).ColumnsVersion;
}
