using Microsoft.AspNetCore.Mvc;
using TsPmo.Core.Documents;
using TsPmo.Core.Projects;
using TsPmo.Sdk.Text;
using TsPmo.Sdk.Time;
using TsPmo.Sdk.Web;

namespace TsPmo.Host.Pages.Projects.Documents;

/// <summary>One document rendered from its Markdown (the current revision, or an older one with <c>?revision=n</c>) and its history.</summary>
public sealed class DocumentModel(ProjectService projects, DocumentService documents, ProjectAccess access, IMarkdownRenderer markdown, IOrganizationClock clock)
    : DocumentPageModel(projects, clock)
{
    public ProjectDocument Document { get; private set; } = null!;
    public DocumentRevision Shown { get; private set; } = null!;
    public IReadOnlyList<DocumentRevisionInfo> History { get; private set; } = [];
    public string Html { get; private set; } = "";
    public bool CanEdit { get; private set; }
    public bool IsCurrent => Shown.Revision == Document.CurrentRevision;

    public async Task<IActionResult> OnGetAsync(long id, long docId, int? revision, CancellationToken ct)
    {
        if (!await LoadProjectAsync(id, ct)) return NotFound();
        if (await documents.FindAsync(id, docId, ct) is not { } document) return NotFound();
        Document = document;
        if (await documents.RevisionAsync(id, docId, revision ?? document.CurrentRevision, ct) is not { } shown) return NotFound();
        Shown = shown;
        Html = markdown.ToSafeHtml(shown.Body);
        History = await documents.RevisionsAsync(id, docId, ct);
        CanEdit = await access.CanEditAsync(id, ct);
        SetBreadcrumbs(IsCurrent ? [new Breadcrumb(document.Title)] : [new Breadcrumb(document.Title, DocumentHref(docId)), new Breadcrumb($"Revision {shown.Revision}")]);
        return Page();
    }
}
