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
public sealed class IndexModel(DocumentService documents, IOrganizationClock clock) : DocumentPageModel(clock)
{
    [BindProperty]
    public NewDocumentInput Input { get; set; } = new();

    public IReadOnlyList<ProjectDocument> Documents { get; private set; } = [];

    public async Task OnGetAsync(long id, CancellationToken ct) => await LoadAsync(id, ct);

    [ProjectPermission(ProjectPermissions.EditDocuments)]
    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        // The checkbox is ticked by default; for a kind without a template it simply means an empty page.
        var fromTemplate = Input.FromTemplate && DocumentTemplates.Has(Input.Kind);
        var created = await documents.CreateAsync(id, new NewDocument(Input.Title, Input.Kind, null, fromTemplate), ct);
        TempData.Success(fromTemplate
            ? $"\"{created.Title}\" was created from the {KindLabel(created.Kind).ToLowerInvariant()} template. Fill it in and save."
            : $"\"{created.Title}\" was created. Write it and save.");
        return Redirect($"{DocumentHref(created.Id)}/Edit");
    }

    private async Task LoadAsync(long id, CancellationToken ct)
    {
        await LoadSectionAsync(id, null, ct);
        Documents = await documents.ListAsync(id, ct);
    }

    public sealed class NewDocumentInput
    {
        public string Title { get; set; } = "";
        public DocumentKind Kind { get; set; } = DocumentKind.Charter;

        [Display(Name = "Start from the template")]
        public bool FromTemplate { get; set; } = true;
    }
}
