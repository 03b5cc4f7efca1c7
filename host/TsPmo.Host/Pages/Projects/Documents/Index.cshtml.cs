using TsPmo.Sdk.Security;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using TsPmo.Core.Documents;
using TsPmo.Core.Projects;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Time;
using TsPmo.Sdk.Web;

namespace TsPmo.Host.Pages.Projects.Documents;

/// <summary>A project's documents, and a form to start a new one (for those who may change the project).</summary>
public sealed class IndexModel(ProjectService projects, DocumentService documents, ProjectAccess access, IOrganizationClock clock)
    : DocumentPageModel(projects, clock)
{
    [BindProperty]
    public NewDocumentInput Input { get; set; } = new();

    public IReadOnlyList<ProjectDocument> Documents { get; private set; } = [];
    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    [ProjectPermission(ProjectPermissions.EditDocuments)]
    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!CanEdit) return Forbid();
        try
        {
            // The checkbox is ticked by default; for a kind without a template it simply means an empty page.
            var fromTemplate = Input.FromTemplate && DocumentTemplates.Has(Input.Kind);
            var created = await documents.CreateAsync(id, new NewDocument(Input.Title, Input.Kind, null, fromTemplate), ct);
            TempData.Success(fromTemplate
                ? $"\"{created.Title}\" was created from the {KindLabel(created.Kind).ToLowerInvariant()} template. Fill it in and save."
                : $"\"{created.Title}\" was created. Write it and save.");
            return Redirect($"{DocumentHref(created.Id)}/Edit");
        }
        catch (DomainValidationException ex)
        {
            ModelState.AddDomainErrors(ex);
            return Page();
        }
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        if (!await LoadProjectAsync(id, ct)) return false;
        SetBreadcrumbs();
        Documents = await documents.ListAsync(id, ct);
        CanEdit = await access.CanEditAsync(id, ct);
        return true;
    }

    public sealed class NewDocumentInput
    {
        public string Title { get; set; } = "";
        public DocumentKind Kind { get; set; } = DocumentKind.Charter;

        [Display(Name = "Start from the template")]
        public bool FromTemplate { get; set; } = true;
    }
}
