using Microsoft.AspNetCore.Mvc;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Ports.Directory;
using TsPmo.Sdk.Web;
using TsPmo.Agile.Data;
using TsPmo.Agile.Domain;
using TsPmo.Agile.Services;

namespace TsPmo.Agile.Areas.Agile.Pages;

/// <summary>One card: its details, edit form (versioned) and the moves it made.</summary>
public sealed class CardModel(BoardService board, IProjectPermissions permissions, IPeopleDirectory people) : AgilePageModel(board, permissions)
{
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

    public async Task<IActionResult> OnPostAsync(long id, long cardId, CancellationToken ct)
    {
        await LoadAsync(id, cardId, ct);
        if (!CanEdit) return Forbid();
        try
        {
            var saved = await Board.UpdateCardAsync(id, cardId, Version, Input, ct);
            TempData.Success($"\"{saved.Title}\" saved.");
            return Redirect($"/Projects/{id}/Agile/Board");
        }
        catch (DomainValidationException ex)
        {
            ModelState.AddDomainErrors(ex);
        }
        catch (ConcurrencyConflictException ex)
        {
            // The typed values stay; the current version lets a second save deliberately replace the other change.
            ModelState.AddModelError("", ex.Message);
            Version = (await Board.GetCardAsync(id, cardId, ct)).Version;
        }
        return Page();
    }

    private async Task LoadAsync(long id, long cardId, CancellationToken ct)
    {
        await LoadProjectAsync(id, "Card", ct);
        Card = await Board.GetCardAsync(id, cardId, ct);
        People = await people.ListAsync(ct);
    }
}
