using TsPmo.Sdk.Security;
using Microsoft.AspNetCore.Mvc;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Ports.Directory;
using TsPmo.Sdk.Web;
using TsPmo.Agile.Domain;
using TsPmo.Agile.Services;

namespace TsPmo.Agile.Areas.Agile.Pages;

/// <summary>One card: its details, edit form (versioned) and the moves it made.</summary>
public sealed class CardModel(BoardService board, IPeopleDirectory people) : ProjectPageModel
{
    protected override string? MethodologyId => AgileModule.Id;
    protected override string WorkPermission => AgileModule.EditCards;
    protected override string ManagePermission => AgileModule.ManageBoard;

    [BindProperty] public CardInput Input { get; set; } = new();
    [BindProperty] public long Version { get; set; }

    public Card Card { get; private set; } = null!;
    public IReadOnlyList<PersonInfo> People { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, long cardId, CancellationToken ct)
    {
        await LoadAsync(id, cardId, ct);
        Input = new CardInput
        {
            Title = Card.Title, Description = Card.Description, ClassOfService = Card.ClassOfService, AssigneeId = Card.AssigneeId,
            EstimateHours = Card.EstimateHours, DueDate = Card.DueDate, Blocked = Card.Blocked, BlockedReason = Card.BlockedReason,
        };
        Version = Card.Version;
        return Page();
    }

    [ProjectPermission(AgileModule.EditCards)]
    public async Task<IActionResult> OnPostAsync(long id, long cardId, CancellationToken ct)
    {
        await LoadAsync(id, cardId, ct);
        var saved = await board.UpdateCardAsync(id, cardId, Version, Input, ct);
        TempData.Success($"\"{saved.Title}\" saved.");
        return RedirectToPage("/Board", new { area = "Agile", id });
    }

    /// <summary>
    /// Before a refused save is shown again: after a conflict (a page-level message) the current version lets a second
    /// save deliberately replace the other change; the typed values stay either way.
    /// </summary>
    protected override async Task ReloadAsync(CancellationToken ct)
    {
        if (ModelState.TryGetValue("", out var page) && page.Errors.Count > 0)
            Version = (await board.GetCardAsync(Project.Id, Card.Id, ct)).Version;
    }

    private async Task LoadAsync(long id, long cardId, CancellationToken ct)
    {
        await LoadProjectAsync(id, "Card", ct);
        Card = await board.GetCardAsync(id, cardId, ct);
        People = await people.ListAsync(ct);
    }
}
