using Microsoft.AspNetCore.Mvc;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Security;
using TsPmo.Sdk.Web;
using TsPmo.Scrum.Domain;
using TsPmo.Scrum.Services;

namespace TsPmo.Scrum.Areas.Scrum.Pages;

/// <summary>
/// The product backlog in order. Items are dragged to a new place (the host's board script posts the new position
/// through htmx and gets the list back), or moved one place with the up/down buttons, which work from the keyboard and
/// without JavaScript.
/// </summary>
public sealed class BacklogModel(ItemService items) : ProjectPageModel
{
    protected override string? MethodologyId => ScrumModule.Id;
    protected override string WorkPermission => ScrumModule.EditItems;
    protected override string ManagePermission => ScrumModule.ManagePlan;
    protected override string InputPrefix => nameof(NewItem);

    public IReadOnlyList<BacklogItem> Items { get; private set; } = [];
    public string? MoveError { get; private set; }

    [BindProperty] public ItemInput NewItem { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        await LoadProjectAsync(id, "Backlog", ct);
        Items = await items.BacklogAsync(id, ct, withText: false);
        return Page();
    }

    [ProjectPermission(ScrumModule.EditItems)]
    public async Task<IActionResult> OnPostAddAsync(long id, CancellationToken ct)
    {
        await LoadProjectAsync(id, "Backlog", ct);
        var item = await items.CreateAsync(id, NewItem, ct);
        TempData.Success($"\"{item.Title}\" is at the bottom of the backlog.");
        return RedirectToPage("/Backlog", new { area = "Scrum", id });
    }

    /// <summary>One place up or down: <paramref name="step"/> is "itemId:up" or "itemId:down" (the button pressed).</summary>
    [ProjectPermission(ScrumModule.ManagePlan)]
    public async Task<IActionResult> OnPostStepAsync(long id, string? step, CancellationToken ct)
    {
        await LoadProjectAsync(id, "Backlog", ct);
        var parts = (step ?? "").Split(':');
        if (parts.Length == 2 && long.TryParse(parts[0], out var itemId) && parts[1] is "up" or "down")
        {
            // A refused step is a message on the backlog, not a page of its own.
            try
            {
                await items.MoveByAsync(id, itemId, parts[1] == "up" ? -1 : 1, ct);
            }
            catch (Exception ex) when (ex is NotFoundException or RuleViolationException)
            {
                TempData.Error(ex.Message);
            }
        }
        return RedirectToPage("/Backlog", null, new { area = "Scrum", id }, $"item-{parts[0]}");
    }

    /// <summary>A drag: the item goes to <paramref name="position"/> (0 = top). htmx gets the list back; a plain post is redirected.</summary>
    [ProjectPermission(ScrumModule.ManagePlan)]
    public async Task<IActionResult> OnPostReorderAsync(long id, long itemId, int position, CancellationToken ct)
    {
        await LoadProjectAsync(id, "Backlog", ct);
        var fromHtmx = Request.Headers.ContainsKey("HX-Request");
        // A refused drag shows its reason above the list it puts back (htmx), or on the backlog (a plain post).
        try
        {
            await items.ReorderAsync(id, itemId, position, ct);
        }
        catch (Exception ex) when (ex is NotFoundException or RuleViolationException)
        {
            if (!fromHtmx)
            {
                TempData.Error(ex.Message);
                return RedirectToPage("/Backlog", new { area = "Scrum", id });
            }
            MoveError = ex.Message;
        }
        if (!fromHtmx) return RedirectToPage("/Backlog", new { area = "Scrum", id });
        Items = await items.BacklogAsync(id, ct, withText: false);
        return Partial("_BacklogList", this);
    }

    protected override async Task ReloadAsync(CancellationToken ct) => Items = await items.BacklogAsync(Project.Id, ct, withText: false);
}
