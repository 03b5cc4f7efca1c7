using TsPmo.Sdk.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TsPmo.Core.Projects;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Modules;
using TsPmo.Sdk.Ports.Directory;
using TsPmo.Sdk.Web;

namespace TsPmo.Host.Pages.Projects;

/// <summary>Edits a project. A save based on an old version is refused and the other person's change kept.</summary>
public sealed class EditModel(ProjectService projects, ProjectAccess access, IModuleCatalog modules, IPeopleDirectory people) : PageModel
{
    [BindProperty]
    public ProjectForm Input { get; set; } = new();

    public Project Project { get; private set; } = null!;
    public ProjectFormOptions Options { get; private set; } = new([], []);

    [ProjectPermission(ProjectPermissions.Manage)]
    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await projects.FindAsync(id, ct) is not { } project) return NotFound();
        if (!await access.CanEditAsync(id, ct)) return Forbid();
        Project = project;
        Input = ProjectForm.From(project);
        Options = await ProjectFormOptions.LoadAsync(modules, people, ct);
        return Page();
    }

    [ProjectPermission(ProjectPermissions.Manage)]
    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        if (await projects.FindAsync(id, ct) is not { } project) return NotFound();
        if (!await access.CanEditAsync(id, ct)) return Forbid();
        Project = project;
        if (ModelState.IsValid)
        {
            try
            {
                var saved = await projects.UpdateAsync(id, Input.Version, Input.ToInput(), ct);
                TempData.Success($"{saved.Code} saved.");
                return RedirectToPage("/Projects/Details", new { id });
            }
            catch (DomainValidationException ex)
            {
                ModelState.AddDomainErrors(ex);
            }
            catch (ConcurrencyConflictException ex)
            {
                ModelState.AddModelError("", ex.Message + " Your edits are still in the form below; the saved project is shown on its page.");
                // The next save must be based on what is stored now, or it would be refused again.
                ModelState.Remove("Input.Version");
                Input.Version = project.Version;
            }
        }
        Options = await ProjectFormOptions.LoadAsync(modules, people, ct);
        return Page();
    }
}
