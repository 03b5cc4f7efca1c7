using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TsPmo.Core.Projects;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Modules;
using TsPmo.Sdk.Ports.Directory;
using TsPmo.Sdk.Web;

namespace TsPmo.Host.Pages.Projects;

public sealed class NewModel(ProjectService projects, ProjectAccess access, IModuleCatalog modules, IPeopleDirectory people, ProjectDefaults defaults) : PageModel
{
    [BindProperty]
    public ProjectForm Input { get; set; } = new();

    public ProjectFormOptions Options { get; private set; } = new([], []);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!access.CanCreate) return Forbid();
        Options = await ProjectFormOptions.LoadAsync(modules, people, ct);
        if (Options.Methodologies.Count == 1) Input.MethodologyId = Options.Methodologies[0].Id;
        Input.Visibility = defaults.Visibility;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!access.CanCreate) return Forbid();
        if (ModelState.IsValid)
        {
            try
            {
                var project = await projects.CreateAsync(Input.ToInput(), ct);
                TempData.Success($"{project.Code} {project.Name} is in Initiation.");
                return RedirectToPage("/Projects/Details", new { id = project.Id });
            }
            catch (DomainValidationException ex)
            {
                ModelState.AddDomainErrors(ex);
            }
        }
        Options = await ProjectFormOptions.LoadAsync(modules, people, ct);
        return Page();
    }
}
