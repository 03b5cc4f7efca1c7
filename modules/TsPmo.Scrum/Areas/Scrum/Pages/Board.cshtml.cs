using Microsoft.AspNetCore.Mvc;
using TsPmo.Scrum.Backlog;
using TsPmo.Scrum.Engine;
using TsPmo.Scrum.Sprints;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Ports.Directory;
using TsPmo.Sdk.Web;

namespace TsPmo.Scrum.Areas.Scrum.Pages;

/// <summary>
/// The board of the active sprint: To do, In progress, Done. Items are dragged between columns (SortableJS posts the
/// move through htmx and gets the board back), or moved with the small form on each card when JavaScript is off.
/// </summary>
public sealed class BoardModel(ScrumGuard guard, IProjectPermissions permissions, SprintService sprints, ItemService items) : ScrumPageModel(guard, permissions)
{
    public Sprint? Sprint { get; private set; }
    public IReadOnlyList<BacklogItem> Items { get; private set; } = [];
    public BurndownDay? Today { get; private set; }
    public string? MoveError { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        return Page();
    }

    /// <summary>A move from a drag (htmx: answers the board) or from a card's form (redirects with a message).</summary>
    public async Task<IActionResult> OnPostMoveAsync(long id, long itemId, string? status, int? position, CancellationToken ct)
    {
        await LoadProjectAsync(id, "Board", ct);
        var fromHtmx = Request.Headers.ContainsKey("HX-Request");
        try
        {
            var target = ItemStatuses.Parse(status) ?? throw new DomainValidationException("status", "Choose To do, In progress or Done.");
            var moved = await items.MoveOnBoardAsync(id, itemId, target, position, ct);
            if (!fromHtmx) TempData.Success($"\"{moved.Title}\" is in {ItemStatuses.Label(target)}.");
        }
        catch (Exception ex) when (ex is RuleViolationException or DomainValidationException or NotFoundException)
        {
            if (!fromHtmx)
            {
                TempData.Error(ex.Message);
                return Redirect($"/Projects/{id}/Scrum/Board");
            }
            MoveError = ex.Message;
        }
        if (!fromHtmx) return Redirect($"/Projects/{id}/Scrum/Board");
        await LoadAsync(id, ct);
        return Partial("_Board", this);
    }

    private async Task LoadAsync(long id, CancellationToken ct)
    {
        await LoadProjectAsync(id, "Board", ct);
        Sprint = await sprints.ActiveAsync(id, ct);
        if (Sprint is null) return;
        Items = await sprints.ItemsAsync(id, Sprint.Id, ct);
        Today = (await sprints.BurndownAsync(id, Sprint.Id, ct)).Latest;
    }
}
