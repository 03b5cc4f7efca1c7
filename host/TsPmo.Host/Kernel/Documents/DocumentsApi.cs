using TsPmo.Core.Projects;
using TsPmo.Sdk.Security;
using TsPmo.Core.Documents;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Text;

namespace TsPmo.Host.Kernel.Documents;

/// <summary>
/// A project's Markdown documents, their revisions and diffs. Reading needs a token only; changing needs the
/// right to change the project (403 otherwise). A document asked for under another project is 404.
/// </summary>
public static class DocumentsApi
{
    public sealed record DocumentDto(long Id, long ProjectId, string Title, DocumentKind Kind, int Revision, long Version,
        DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string UpdatedBy);

    /// <summary>A document with its current text and that text rendered to safe HTML.</summary>
    public sealed record DocumentDetailDto(long Id, long ProjectId, string Title, DocumentKind Kind, int Revision, long Version,
        DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string UpdatedBy, string Body, string Html);

    public sealed record CreateDocumentRequest(string? Title, DocumentKind? Kind, string? Body, bool FromTemplate);

    /// <summary><c>version</c> is the document's version the edit started from.</summary>
    public sealed record UpdateDocumentRequest(string? Title, string? Body, long? Version);

    public sealed record RevisionDto(int Revision, string Title, string Author, DateTimeOffset CreatedAt, int Length);

    public sealed record RevisionDetailDto(int Revision, string Title, string Author, DateTimeOffset CreatedAt, string Body, string Html);

    public sealed record DiffDto(int From, int To, string FromTitle, string ToTitle, int Inserted, int Deleted, IReadOnlyList<DiffLine> Lines);

    public static void MapDocumentsApi(this RouteGroupBuilder api)
    {
        var documents = api.MapGroup("/projects/{id:long}/documents").WithTags("Documents");

        documents.MapGet("/", async (long id, DocumentService service, CancellationToken ct) =>
                TypedResults.Ok((await service.ListAsync(id, ct)).Select(ToDto).ToList()))
            .ProducesProblem(404);

        documents.MapPost("/", async (long id, CreateDocumentRequest? request, DocumentService service, IMarkdownRenderer markdown, CancellationToken ct) =>
            {
                var created = await service.CreateAsync(id, new NewDocument(request?.Title, request?.Kind, request?.Body, request?.FromTemplate ?? false), ct);
                return TypedResults.Created($"/api/v1/projects/{id}/documents/{created.Id}", await DetailAsync(service, markdown, created, ct));
            }).RequireProjectPermission(ProjectPermissions.EditDocuments)
            .ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);

        documents.MapGet("/{docId:long}", async (long id, long docId, DocumentService service, IMarkdownRenderer markdown, CancellationToken ct) =>
                TypedResults.Ok(await DetailAsync(service, markdown, await FindAsync(service, id, docId, ct), ct)))
            .ProducesProblem(404);

        documents.MapPut("/{docId:long}", async (long id, long docId, UpdateDocumentRequest? request, DocumentService service, IMarkdownRenderer markdown, CancellationToken ct) =>
            {
                if (request?.Version is not { } version)
                    throw new DomainValidationException("version", "Send the version of the document your edit started from.");
                var saved = await service.UpdateAsync(id, docId, version, request.Title, request.Body, ct);
                return TypedResults.Ok(await DetailAsync(service, markdown, saved, ct));
            }).RequireProjectPermission(ProjectPermissions.EditDocuments)
            .ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);

        documents.MapGet("/{docId:long}/revisions", async (long id, long docId, DocumentService service, CancellationToken ct) =>
                TypedResults.Ok((await service.RevisionsAsync(id, docId, ct))
                    .Select(r => new RevisionDto(r.Revision, r.Title, r.Author, r.CreatedAt, r.Length)).ToList()))
            .ProducesProblem(404);

        documents.MapGet("/{docId:long}/revisions/{revision:int}", async (long id, long docId, int revision, DocumentService service, IMarkdownRenderer markdown, CancellationToken ct) =>
            {
                var r = await service.RevisionAsync(id, docId, revision, ct) ?? throw new NotFoundException("Revision", $"{revision} of document {docId}");
                return TypedResults.Ok(new RevisionDetailDto(r.Revision, r.Title, r.Author, r.CreatedAt, r.Body, markdown.ToSafeHtml(r.Body)));
            })
            .ProducesProblem(404);

        // Without from/to: the current revision against the one before it.
        documents.MapGet("/{docId:long}/diff", async (long id, long docId, int? from, int? to, DocumentService service, CancellationToken ct) =>
            {
                var diff = await service.DiffAsync(id, docId, from, to, ct);
                if (diff.TooLarge is { } tooLarge) throw new DomainValidationException("to", tooLarge);
                return TypedResults.Ok(new DiffDto(diff.FromRevision, diff.ToRevision, diff.FromTitle, diff.ToTitle, diff.Inserted, diff.Deleted, diff.Lines));
            })
            .ProducesProblem(404);
    }

    private static async Task<ProjectDocument> FindAsync(DocumentService service, long projectId, long documentId, CancellationToken ct) =>
        await service.FindAsync(projectId, documentId, ct) ?? throw new NotFoundException("Document", documentId.ToString());

    private static DocumentDto ToDto(ProjectDocument d) =>
        new(d.Id, d.ProjectId, d.Title, d.Kind, d.CurrentRevision, d.Version, d.CreatedAt, d.UpdatedAt, d.UpdatedBy);

    private static async Task<DocumentDetailDto> DetailAsync(DocumentService service, IMarkdownRenderer markdown, ProjectDocument d, CancellationToken ct)
    {
        // Revisions are never changed, so the document's current revision is the text that goes with its version.
        var body = (await service.RevisionAsync(d.ProjectId, d.Id, d.CurrentRevision, ct))?.Body ?? "";
        return new DocumentDetailDto(d.Id, d.ProjectId, d.Title, d.Kind, d.CurrentRevision, d.Version, d.CreatedAt, d.UpdatedAt, d.UpdatedBy,
            body, markdown.ToSafeHtml(body));
    }
}
