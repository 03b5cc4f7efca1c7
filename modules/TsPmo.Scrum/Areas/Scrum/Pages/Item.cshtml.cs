using TsPmo.Sdk.Security;
using Microsoft.AspNetCore.Mvc;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Ports.Directory;
using TsPmo.Sdk.Text;
using TsPmo.Sdk.Web;
using TsPmo.Scrum.Domain;
using TsPmo.Scrum.Services;

namespace TsPmo.Scrum.Areas.Scrum.Pages;

/// <summary>One item: its description and acceptance criteria rendered from Markdown, and the edit form (versioned).</summary>
public sealed class ItemModel(ItemService items, IPeopleDirectory people, IMarkdownRenderer markdown) : ProjectPageModel
{
    protected override string? MethodologyId => ScrumModule.Id;
    protected override string WorkPermission => ScrumModule.EditItems;
    protected override string ManagePermission => ScrumModule.ManagePlan;

    [BindProperty] public ItemInput Input { get; set; } = new();
    [BindProperty] public long Version { get; set; }

    public BacklogItem Item { get; private set; } = null!;
    public IReadOnlyList<PersonInfo> People { get; private set; } = [];
    public IReadOnlyList<ItemEvent> History { get; private set; } = [];

    public static string Describe(ItemEvent e)
    {
        static string P(double v) => Math.Abs(v).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
        return e.Kind switch
        {
            "Created" => "Created",
            "Status" => $"{(e.FromStatus is { } f ? ItemStatuses.Label(f) : "?")} → {(e.ToStatus is { } t ? ItemStatuses.Label(t) : "?")}",
            "Committed" => $"Committed to {e.SprintName} at its start ({P(e.ScopeDelta)} pts)",
            "Added" => $"Added to the running {e.SprintName} ({P(e.ScopeDelta)} pts)",
            "Removed" => $"Removed from the running {e.SprintName} ({P(e.ScopeDelta)} pts)",
            "Resized" => $"Re-estimated during {e.SprintName} ({(e.ScopeDelta >= 0 ? "+" : "−")}{P(e.ScopeDelta)} pts)",
            "CarriedOver" => $"Unfinished when {e.SprintName} completed",
            _ => e.Kind,
        };
    }
    public string DescriptionHtml => markdown.ToSafeHtml(Item.Description);
    public string CriteriaHtml => markdown.ToSafeHtml(Item.AcceptanceCriteria);

    public async Task<IActionResult> OnGetAsync(long id, long itemId, CancellationToken ct)
    {
        await LoadAsync(id, itemId, ct);
        Input = ItemRules.Snapshot(Item);
        Version = Item.Version;
        return Page();
    }

    [ProjectPermission(ScrumModule.EditItems)]
    public async Task<IActionResult> OnPostAsync(long id, long itemId, CancellationToken ct)
    {
        await LoadAsync(id, itemId, ct);
        var saved = await items.UpdateAsync(id, itemId, Version, Input, ct);
        TempData.Success($"\"{saved.Title}\" saved.");
        return saved.SprintId is { } sprintId
            ? RedirectToPage("/Sprint", new { area = "Scrum", id, sprintId })
            : RedirectToPage("/Backlog", new { area = "Scrum", id });
    }

    /// <summary>Deletes the item after an explicit confirmation; refused (with the reason) when a started sprint counted it.</summary>
    [ProjectPermission(ScrumModule.ManagePlan)]
    public async Task<IActionResult> OnPostDeleteAsync(long id, long itemId, bool confirm, CancellationToken ct)
    {
        await LoadAsync(id, itemId, ct);
        Input = ItemRules.Snapshot(Item);
        if (!confirm)
        {
            ModelState.AddModelError("confirm", "Tick the box to confirm that the item should be deleted.");
            return Page();
        }
        try
        {
            await items.DeleteAsync(id, itemId, Version, ct);
            TempData.Success($"\"{Item.Title}\" deleted.");
            return RedirectToPage("/Backlog", new { area = "Scrum", id });
        }
        catch (Exception ex) when (ex is RuleViolationException or ConcurrencyConflictException)
        {
            // The reason goes next to the confirmation box of the delete form, not above the edit form.
            ModelState.AddModelError("confirm", ex.Message);
        }
        return Page();
    }

    private async Task LoadAsync(long id, long itemId, CancellationToken ct)
    {
        await LoadProjectAsync(id, "Item", ct, new Breadcrumb("Backlog", Url.Page("/Backlog", new { area = "Scrum", id })));
        Item = await items.GetAsync(id, itemId, ct);
        People = await people.ListAsync(ct);
        History = await items.HistoryAsync(id, itemId, ct);
    }

    /// <summary>
    /// Before a refused save is shown again: the item as it is now. After a conflict (a page-level message) the current
    /// version lets a second save deliberately replace the other change; the typed values stay either way.
    /// </summary>
    protected override async Task ReloadAsync(CancellationToken ct)
    {
        await LoadAsync(Project.Id, Item.Id, ct);
        if (ModelState.TryGetValue("", out var page) && page.Errors.Count > 0) Version = Item.Version;
    }
}
