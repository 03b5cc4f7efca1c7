using TsPmo.Sdk.Security;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using TsPmo.Core.Documents;
using TsPmo.Core.Projects;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Time;
using TsPmo.Sdk.Web;

namespace TsPmo.Host.Pages.Projects.Documents;

/// <summary>
/// Editing a document's Markdown. The form carries the version it was opened on; when someone saved in between,
/// nothing is overwritten: the editor gets their text and the user's own text is shown beside it for copying.
/// </summary>
public sealed class EditModel(DocumentService documents, IOrganizationClock clock) : DocumentPageModel(clock)
{
    [BindProperty]
    public EditInput Input { get; set; } = new();

    public ProjectDocument Document { get; private set; } = null!;

    /// <summary>Set after a refused save: the revision that got in first, and the text that was not saved.</summary>
    public DocumentRevision? TheirRevision { get; private set; }
    public string? YourTitle { get; private set; }
    public string? YourBody { get; private set; }

    [ProjectPermission(ProjectPermissions.EditDocuments)]
    public async Task<IActionResult> OnGetAsync(long id, long docId, CancellationToken ct)
    {
        if (await LoadAsync(id, docId, ct) is { } refusal) return refusal;
        var current = (await documents.RevisionAsync(id, docId, Document.CurrentRevision, ct))!;
        Input = new EditInput { Title = current.Title, Body = current.Body, Version = Document.Version };
        return Page();
    }

    [ProjectPermission(ProjectPermissions.EditDocuments)]
    public async Task<IActionResult> OnPostAsync(long id, long docId, CancellationToken ct)
    {
        if (await LoadAsync(id, docId, ct) is { } refusal) return refusal;
        try
        {
            var saved = await documents.UpdateAsync(id, docId, Input.Version, Input.Title, Input.Body, ct);
            TempData.Success(saved.Version == Input.Version ? "Nothing changed, so no new revision was saved." : $"Saved as revision {saved.CurrentRevision}.");
            return Redirect(DocumentHref(docId));
        }
        // A stale save keeps both texts side by side (the base would only show a message): theirs in the editor, yours to copy.
        catch (ConcurrencyConflictException)
        {
            (YourTitle, YourBody) = (Input.Title, Input.Body);
            Document = (await documents.FindAsync(id, docId, ct))!;
            TheirRevision = (await documents.RevisionAsync(id, docId, Document.CurrentRevision, ct))!;
            // The posted values would otherwise win over the model when the form is drawn again.
            ModelState.Clear();
            Input = new EditInput { Title = TheirRevision.Title, Body = TheirRevision.Body, Version = Document.Version };
            return Page();
        }
    }

    /// <summary>Null when the page may be shown, else 404 for a missing document (the project and the right to edit are checked before).</summary>
    private async Task<IActionResult?> LoadAsync(long id, long docId, CancellationToken ct)
    {
        // A missing project has no document either: one 404 either way, and the project is loaded once below.
        if (await documents.FindAsync(id, docId, ct) is not { } document) return NotFound();
        Document = document;
        await LoadSectionAsync(id, "Edit", ct, new Breadcrumb(document.Title, DocumentHref(id, docId)));
        return null;
    }

    public sealed class EditInput
    {
        public string Title { get; set; } = "";

        [Display(Name = "Text (Markdown)")]
        public string Body { get; set; } = "";

        public long Version { get; set; }
    }
}
