using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TsPmo.Core.People;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Web;

namespace TsPmo.Host.Pages.People;

/// <summary>One person: details, skills, time off (added and removed here), linked account and projects.</summary>
public sealed class PersonModel(PersonService people, MembershipService memberships) : PageModel
{
    [BindProperty]
    public TimeOffForm TimeOff { get; set; } = new();

    public Person Person { get; private set; } = new();
    public IReadOnlyList<PersonProject> Projects { get; private set; } = [];
    public bool CanManage => people.CanManage;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostTimeOffAsync(long id, CancellationToken ct)
    {
        if (!people.CanManage) return Forbid();
        if (ModelState.IsValid)
        {
            try
            {
                var period = await people.AddTimeOffAsync(id, TimeOff.Start, TimeOff.End, TimeOff.Reason, ct);
                TempData.Success($"Time off from {period.Start:yyyy-MM-dd} to {period.End:yyyy-MM-dd} was added.");
                return RedirectToPage("/People/Details", new { id });
            }
            catch (DomainValidationException ex)
            {
                ModelState.AddDomainErrors(ex, nameof(TimeOff));
            }
            catch (NotFoundException)
            {
                return NotFound();
            }
        }
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public Task<IActionResult> OnPostRemoveTimeOffAsync(long id, long timeOffId, CancellationToken ct) =>
        ChangeAsync(id, () => people.RemoveTimeOffAsync(id, timeOffId, ct), "The time off was removed.");

    public Task<IActionResult> OnPostArchiveAsync(long id, long version, bool archived, CancellationToken ct) =>
        ChangeAsync(id, () => people.SetArchivedAsync(id, version, archived, ct),
            archived ? "The person was archived: they no longer show in the directory or in team choices." : "The person was restored.");

    private async Task<IActionResult> ChangeAsync(long id, Func<Task> change, string success)
    {
        if (!people.CanManage) return Forbid();
        try
        {
            await change();
            TempData.Success(success);
        }
        catch (Exception ex) when (ex is ConcurrencyConflictException or NotFoundException)
        {
            TempData.Error(ex.Message);
        }
        return RedirectToPage("/People/Details", new { id });
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        if (await people.FindAsync(id, ct) is not { } person) return false;
        Person = person;
        Projects = await memberships.ProjectsOfAsync(id, ct);
        return true;
    }
}
