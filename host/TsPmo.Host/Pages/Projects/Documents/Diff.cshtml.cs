using Microsoft.AspNetCore.Mvc;
using TsPmo.Core.Documents;
using TsPmo.Core.Projects;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Time;
using TsPmo.Sdk.Web;

namespace TsPmo.Host.Pages.Projects.Documents;

/// <summary>What changed between two revisions of a document, as a unified line diff (a GET form, so a comparison can be linked).</summary>
public sealed class DiffModel(DocumentService documents, IOrganizationClock clock) : DocumentPageModel(clock)
{
    /// <summary>Unchanged lines kept around each change.</summary>
    public const int Context = 3;

    public ProjectDocument Document { get; private set; } = null!;
    public IReadOnlyList<DocumentRevisionInfo> History { get; private set; } = [];
    public DocumentDiff Diff { get; private set; } = null!;
    public IReadOnlyList<DiffRow> Rows { get; private set; } = [];
    public bool ShowAll { get; private set; }

    public DocumentRevisionInfo From => History.Single(r => r.Revision == Diff.FromRevision);
    public DocumentRevisionInfo To => History.Single(r => r.Revision == Diff.ToRevision);

    public async Task<IActionResult> OnGetAsync(long id, long docId, int? from, int? to, bool all, CancellationToken ct)
    {
        // A missing project has no document either: one 404 either way, and the project is loaded once below.
        if (await documents.FindAsync(id, docId, ct) is not { } document) return NotFound();
        Document = document;
        try
        {
            Diff = await documents.DiffAsync(id, docId, from, to, ct);
        }
        catch (NotFoundException)
        {
            return NotFound(); // a revision number that does not exist
        }
        History = await documents.RevisionsAsync(id, docId, ct);
        ShowAll = all;
        Rows = all ? Diff.Lines.Select(l => new DiffRow(l)).ToList() : DiffRow.Collapse(Diff.Lines, Context);
        await LoadSectionAsync(id, "Changes", ct, new Breadcrumb(document.Title, DocumentHref(id, docId)));
        return Page();
    }
}
