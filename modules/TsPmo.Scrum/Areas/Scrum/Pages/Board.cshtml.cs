using Microsoft.AspNetCore.Mvc;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Security;
using TsPmo.Sdk.Web;
using TsPmo.Scrum.Domain;
using TsPmo.Scrum.Engine;
using TsPmo.Scrum.Services;

namespace TsPmo.Scrum.Areas.Scrum.Pages;

/// <summary>
/// The board of the active sprint: To do, In progress, Done. Items are dragged between columns (the host's board
/// script posts the move through htmx and gets the board back), or moved with the small form on each card when
/// JavaScript is off.
/// </summary>
public sealed class BoardModel(SprintService sprints, ItemService items) : ProjectPageModel
{
    protected override string? MethodologyId => ScrumModule.Id;
    protected override string WorkPermission => ScrumModule.EditItems;
    protected override string ManagePermission => ScrumModule.ManagePlan;

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
    [ProjectPermission(ScrumModule.EditItems)]
    public async Task<IActionResult> OnPostMoveAsync(long id, long itemId, string? status, int? position, CancellationToken ct)
    {
        await LoadProjectAsync(id, "Board", ct);
        var fromHtmx = Request.Headers.ContainsKey("HX-Request");
        // A refused move shows its reason on the board it puts back (htmx), or as a message on the board (a plain post).
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
                return RedirectToPage("/Board", new { area = "Scrum", id });
            }
            MoveError = ex.Message;
        }
        if (!fromHtmx) return RedirectToPage("/Board", new { area = "Scrum", id });
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
