using Microsoft.AspNetCore.Mvc;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Ports.Directory;
using TsPmo.Sdk.Web;
using TsPmo.Agile.Data;
using TsPmo.Agile.Domain;
using TsPmo.Agile.Services;

namespace TsPmo.Agile.Areas.Agile.Pages;

/// <summary>
/// The Kanban board. Cards are dragged between columns (SortableJS posts the move through htmx and gets the
/// board back), or moved with the small form on each card when JavaScript is off.
/// </summary>
public sealed class BoardModel(BoardService board, IProjectPermissions permissions) : AgilePageModel(board, permissions)
{
    public BoardView View { get; private set; } = new([], []);
    public string? MoveError { get; private set; }

    [BindProperty] public CardInput NewCard { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        await LoadProjectAsync(id, "Board", ct);
        await Board.EnsureColumnsAsync(id, ct);
        View = await Board.GetAsync(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync(long id, CancellationToken ct)
    {
        await LoadProjectAsync(id, "Board", ct);
        try
        {
            var card = await Board.CreateCardAsync(id, NewCard, ct);
            TempData.Success($"\"{card.Title}\" is in {card.ColumnName}.");
            return Redirect($"/Projects/{id}/Agile/Board");
        }
        catch (DomainValidationException ex)
        {
            ModelState.AddDomainErrors(ex, "NewCard");
            View = await Board.GetAsync(id, ct);
            return Page();
        }
    }

    /// <summary>A move from a drag (htmx: answers the board) or from a card's form (redirects with a message).</summary>
    public async Task<IActionResult> OnPostMoveAsync(long id, long cardId, string column, int? position, CancellationToken ct)
    {
        await LoadProjectAsync(id, "Board", ct);
        var fromHtmx = Request.Headers.ContainsKey("HX-Request");
        try
        {
            await Board.MoveCardAsync(id, cardId, column, position, ct);
        }
        catch (Exception ex) when (ex is RuleViolationException or DomainValidationException or NotFoundException)
        {
            if (!fromHtmx)
            {
                TempData.Error(ex.Message);
                return Redirect($"/Projects/{id}/Agile/Board");
            }
            MoveError = ex.Message;
        }
        if (!fromHtmx) return Redirect($"/Projects/{id}/Agile/Board");
        View = await Board.GetAsync(id, ct);
        return Partial("_Board", this);
    }
}
