using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TsPmo.Core.People;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Web;

namespace TsPmo.Host.Pages.People;

/// <summary>Adds a person to the directory (Admins and the PMO).</summary>
public sealed class NewPersonModel(PersonService people) : PageModel
{
    [BindProperty]
    public PersonForm Input { get; set; } = new();

    public IReadOnlyList<LinkableAccount> Accounts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!people.CanManage) return Forbid();
        Input.WithBlankRows();
        Accounts = await people.LinkableAccountsAsync(null, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!people.CanManage) return Forbid();
        if (ModelState.IsValid)
        {
            try
            {
                var person = await people.CreateAsync(Input.ToInput(), ct);
                TempData.Success($"{person.Name} was added to the directory.");
                return RedirectToPage("/People/Details", new { id = person.Id });
            }
            catch (DomainValidationException ex)
            {
                ModelState.AddDomainErrors(ex);
            }
        }
        Accounts = await people.LinkableAccountsAsync(null, ct);
        return Page();
    }
}
