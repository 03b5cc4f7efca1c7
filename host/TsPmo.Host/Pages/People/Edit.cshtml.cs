using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TsPmo.Core.People;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Web;

namespace TsPmo.Host.Pages.People;

/// <summary>
/// Edits a person on the version the form was opened on. When someone saved in between, the form shows their
/// saved values (never overwritten) with the conflict message, and lists what this user typed so it can be re-applied.
/// </summary>
public sealed class EditPersonModel(PersonService people) : PageModel
{
    [BindProperty]
    public PersonForm Input { get; set; } = new();

    public Person Person { get; private set; } = new();
    public IReadOnlyList<LinkableAccount> Accounts { get; private set; } = [];

    /// <summary>What the user submitted when their save hit a conflict; null otherwise.</summary>
    public PersonForm? Unsaved { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (!people.CanManage) return Forbid();
        if (!await LoadAsync(id, ct)) return NotFound();
        Input = PersonForm.From(Person).WithBlankRows();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        if (!people.CanManage) return Forbid();
        if (ModelState.IsValid)
        {
            try
            {
                var person = await people.UpdateAsync(id, Input.Version, Input.ToInput(), ct);
                TempData.Success($"{person.Name} was saved.");
                return RedirectToPage("/People/Details", new { id });
            }
            catch (DomainValidationException ex)
            {
                ModelState.AddDomainErrors(ex);
            }
            catch (ConcurrencyConflictException ex)
            {
                if (!await LoadAsync(id, ct)) return NotFound();
                Unsaved = Input;
                // Cleared so the fields show the stored values and the new version, not the stale post.
                ModelState.Clear();
                Input = PersonForm.From(Person).WithBlankRows();
                ModelState.AddModelError("", ex.Message);
                return Page();
            }
            catch (NotFoundException)
            {
                return NotFound();
            }
        }
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        if (await people.FindAsync(id, ct) is not { } person) return false;
        Person = person;
        Accounts = await people.LinkableAccountsAsync(id, ct);
        return true;
    }
}
