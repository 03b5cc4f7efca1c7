using Microsoft.AspNetCore.Mvc;
using TsPmo.Core.Documents;
using TsPmo.Core.Projects;
using TsPmo.Sdk.Text;
using TsPmo.Sdk.Time;
using TsPmo.Sdk.Web;

namespace TsPmo.Host.Pages.Projects.Documents;

/// <summary>One document rendered from its Markdown (the current revision, or an older one with <c>?revision=n</c>) and its history.</summary>
public sealed class DocumentModel(DocumentService documents, IMarkdownRenderer markdown, IOrganizationClock clock) : DocumentPageModel(clock)
{
    public ProjectDocument Document { get; private set; } = null!;
    public DocumentRevision Shown { get; private set; } = null!;
    public IReadOnlyList<DocumentRevisionInfo> History { get; private set; } = [];
    public string Html { get; private set; } = "";
    public bool IsCurrent => Shown.Revision == Document.CurrentRevision;

    public async Task<IActionResult> OnGetAsync(long id, long docId, int? revision, CancellationToken ct)
    {
        // A missing project has no document either: one 404 either way, and the project is loaded once below.
        if (await documents.FindAsync(id, docId, ct) is not { } document) return NotFound();
        Document = document;
        if (await documents.RevisionAsync(id, docId, revision ?? document.CurrentRevision, ct) is not { } shown) return NotFound();
        Shown = shown;
        Html = markdown.ToSafeHtml(shown.Body);
        History = await documents.RevisionsAsync(id, docId, ct);
        if (IsCurrent) await LoadSectionAsync(id, document.Title, ct);
        else await LoadSectionAsync(id, $"Revision {shown.Revision}", ct, new Breadcrumb(document.Title, DocumentHref(id, docId)));
        return Page();
    }
}
