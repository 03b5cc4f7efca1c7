using TsPmo.Core.Projects;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TsPmo.Core.People;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Ports.Directory;
using TsPmo.Sdk.Security;
using TsPmo.Sdk.Web;
using Project = TsPmo.Core.Projects.Project;

namespace TsPmo.Host.Pages.Projects;

/// <summary>A project's team: everyone reads it; those who may change the project add, re-role and remove members.</summary>
public sealed class ProjectMembersModel(MembershipService memberships, IPeopleDirectory directory) : PageModel
{
    [BindProperty]
    public MemberForm Add { get; set; } = new();

    public Project Project { get; private set; } = new();
    public IReadOnlyList<ProjectMembership> Members { get; private set; } = [];
    public IReadOnlyList<PersonInfo> Candidates { get; private set; } = [];
    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    [ProjectPermission(ProjectPermissions.ManageMembers)]
    public async Task<IActionResult> OnPostAddAsync(long id, CancellationToken ct)
    {
        if (!await memberships.CanEditAsync(id, ct)) return Forbid();
        try
        {
            var personId = Add.PersonId ?? throw new DomainValidationException("personId", "Choose the person to add.");
            var member = await memberships.AddAsync(id, personId, ProjectRoles.Parse(Add.Role), ct);
            TempData.Success($"{member.Name} joined the project as a {member.Role.ToString().ToLowerInvariant()}.");
            return RedirectToPage("/Projects/Members", new { id });
        }
        catch (DomainValidationException ex)
        {
            ModelState.AddDomainErrors(ex, nameof(Add));
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (AccessDeniedException)
        {
            return Forbid();
        }
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    [ProjectPermission(ProjectPermissions.ManageMembers)]
    public Task<IActionResult> OnPostRoleAsync(long id, long personId, string? role, long? version, CancellationToken ct) =>
        ChangeAsync(id, async () =>
        {
            var member = await memberships.ChangeRoleAsync(id, personId, ProjectRoles.Parse(role), version, ct);
            return $"{member.Name} is now a {member.Role.ToString().ToLowerInvariant()}.";
        });

    [ProjectPermission(ProjectPermissions.ManageMembers)]
    public Task<IActionResult> OnPostRemoveAsync(long id, long personId, long? version, CancellationToken ct) =>
        ChangeAsync(id, async () =>
        {
            await memberships.RemoveAsync(id, personId, version, ct);
            return "The member was removed from the project.";
        });

    /// <summary>Row actions answer with a message on the reloaded list (post-redirect-get), success or not.</summary>
    private async Task<IActionResult> ChangeAsync(long id, Func<Task<string>> change)
    {
        if (!await memberships.CanEditAsync(id, HttpContext.RequestAborted)) return Forbid();
        try
        {
            TempData.Success(await change());
        }
        catch (Exception ex) when (ex is DomainValidationException or NotFoundException or ConcurrencyConflictException)
        {
            TempData.Error(ex.Message);
        }
        catch (AccessDeniedException)
        {
            return Forbid();
        }
        return RedirectToPage("/Projects/Members", new { id });
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        if (await memberships.FindProjectAsync(id, ct) is not { } project) return false;
        Project = project;
        Members = await memberships.ListAsync(id, ct);
        CanEdit = await memberships.CanEditAsync(id, ct);
        if (CanEdit)
        {
            var taken = Members.Select(m => m.PersonId).ToHashSet();
            Candidates = (await directory.ListAsync(ct)).Where(p => !taken.Contains(p.Id)).ToList();
        }
        return true;
    }
}
