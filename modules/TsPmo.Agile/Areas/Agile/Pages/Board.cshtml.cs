using TsPmo.Sdk.Security;
using Microsoft.AspNetCore.Mvc;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Ports.Directory;
using TsPmo.Sdk.Web;
using TsPmo.Agile.Domain;
using TsPmo.Agile.Services;

namespace TsPmo.Agile.Areas.Agile.Pages;

/// <summary>
/// The Kanban board. Cards are dragged between columns (SortableJS posts the move through htmx and gets the
/// board back), or moved with the small form on each card when JavaScript is off.
/// </summary>
public sealed class BoardModel(BoardService board) : ProjectPageModel
{
    protected override string? MethodologyId => AgileModule.Id;
    protected override string WorkPermission => AgileModule.EditCards;
    protected override string ManagePermission => AgileModule.ManageBoard;
    protected override string InputPrefix => nameof(NewCard);

    public BoardView View { get; private set; } = new([], []);
    public string? MoveError { get; private set; }

    [BindProperty] public CardInput NewCard { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        await LoadProjectAsync(id, "Board", ct);
        await board.EnsureColumnsAsync(id, ct);
        View = await board.GetAsync(id, ct);
        return Page();
    }

    [ProjectPermission(AgileModule.EditCards)]
    public async Task<IActionResult> OnPostAddAsync(long id, CancellationToken ct)
    {
        await LoadProjectAsync(id, "Board", ct);
        var card = await board.CreateCardAsync(id, NewCard, ct);
        TempData.Success($"\"{card.Title}\" is in {card.ColumnName}.");
        return RedirectToPage("/Board", new { area = "Agile", id });
    }

    /// <summary>A move from a drag (htmx: answers the board) or from a card's form (redirects with a message).</summary>
    [ProjectPermission(AgileModule.EditCards)]
    public async Task<IActionResult> OnPostMoveAsync(long id, long cardId, string column, int? position, CancellationToken ct)
    {
        await LoadProjectAsync(id, "Board", ct);
        var fromHtmx = Request.Headers.ContainsKey("HX-Request");
        // A refused move shows its reason on the board it puts back (htmx), or as a message on the board (a plain post).
        try
        {
            await board.MoveCardAsync(id, cardId, column, position, ct);
        }
        catch (Exception ex) when (ex is RuleViolationException or DomainValidationException or NotFoundException)
        {
            if (!fromHtmx)
            {
                TempData.Error(ex.Message);
                return RedirectToPage("/Board", new { area = "Agile", id });
            }
            MoveError = ex.Message;
        }
        if (!fromHtmx) return RedirectToPage("/Board", new { area = "Agile", id });
        View = await board.GetAsync(id, ct);
        return Partial("_Board", this);
    }

    protected override async Task ReloadAsync(CancellationToken ct) => View = await board.GetAsync(Project.Id, ct);
}
