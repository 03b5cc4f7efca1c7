using Dapper;
using TsPmo.Core.Data;
using TsPmo.Core.Projects;
using TsPmo.Sdk.Audit;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Security;

namespace TsPmo.Core.Documents;

/// <summary>
/// A project's Markdown documents: every save that changes something is a new, immutable revision; an edit
/// made on a stale version is refused so nobody's text is silently lost. Whoever may change the project may
/// change its documents; everyone signed in reads them.
/// </summary>
public sealed class DocumentService(IDbConnectionFactory connections, ProjectAccess access, IAuditLog audit, ICurrentUser user, TimeProvider time)
{
    public const int MaxTitleLength = 200;
    public const int MaxBodyLength = 200_000;

    /// <summary>The project's documents, most recently changed first; throws <see cref="NotFoundException"/> for an unknown project.</summary>
    public async Task<IReadOnlyList<ProjectDocument>> ListAsync(long projectId, CancellationToken ct = default)
    {
        await access.DemandReadAsync(projectId, ct);
        await using var connection = await connections.OpenAsync(ct);
        if (!await DocumentStore.ProjectExistsAsync(connection, null, projectId)) throw new NotFoundException("Project", projectId.ToString());
        return await DocumentStore.ListAsync(connection, projectId);
    }

    /// <summary>The document, or null when it does not exist or belongs to another project.</summary>
    public async Task<ProjectDocument?> FindAsync(long projectId, long documentId, CancellationToken ct = default)
    {
        if (!await access.CanReadAsync(projectId, ct)) return null;
        await using var connection = await connections.OpenAsync(ct);
        return await DocumentStore.FindAsync(connection, null, projectId, documentId);
    }

    /// <summary>The document's history, newest first.</summary>
    public async Task<IReadOnlyList<DocumentRevisionInfo>> RevisionsAsync(long projectId, long documentId, CancellationToken ct = default)
    {
        await access.DemandReadAsync(projectId, ct);
        await using var connection = await connections.OpenAsync(ct);
        _ = await DocumentStore.FindAsync(connection, null, projectId, documentId) ?? throw DocumentNotFound(documentId);
        return await DocumentStore.RevisionsAsync(connection, documentId);
    }

    /// <summary>One revision with its text, or null when the document (in this project) or the revision does not exist.</summary>
    public async Task<DocumentRevision?> RevisionAsync(long projectId, long documentId, int revision, CancellationToken ct = default)
    {
        await access.DemandReadAsync(projectId, ct);
        await using var connection = await connections.OpenAsync(ct);
        return await DocumentStore.FindAsync(connection, null, projectId, documentId) is null
            ? null
            : await DocumentStore.RevisionAsync(connection, null, documentId, revision);
    }

    /// <summary>
    /// The line changes from revision <paramref name="from"/> to <paramref name="to"/>; by default the current
    /// revision against the one before it.
    /// </summary>
    public async Task<DocumentDiff> DiffAsync(long projectId, long documentId, int? from = null, int? to = null, CancellationToken ct = default)
    {
        await access.DemandReadAsync(projectId, ct);
        await using var connection = await connections.OpenAsync(ct);
        var document = await DocumentStore.FindAsync(connection, null, projectId, documentId) ?? throw DocumentNotFound(documentId);
        var newer = to ?? document.CurrentRevision;
        var older = from ?? Math.Max(1, newer - 1);
        var a = await DocumentStore.RevisionAsync(connection, null, documentId, older) ?? throw RevisionNotFound(documentId, older);
        var b = await DocumentStore.RevisionAsync(connection, null, documentId, newer) ?? throw RevisionNotFound(documentId, newer);
        if (LineDiff.TooLarge(a.Body, b.Body) is { } tooLarge)
            return new DocumentDiff(documentId, older, newer, a.Title, b.Title, []) { TooLarge = tooLarge };
        return new DocumentDiff(documentId, older, newer, a.Title, b.Title, LineDiff.Compare(a.Body, b.Body));
    }

    public async Task<ProjectDocument> CreateAsync(long projectId, NewDocument input, CancellationToken ct = default)
    {
        await access.DemandAsync(projectId, TsPmo.Core.Projects.ProjectPermissions.EditDocuments, ct);
        var errors = new Dictionary<string, string[]>();
        var title = CheckTitle(input.Title, errors);
        var body = Normalize(input.Body);
        if (input.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            errors["kind"] = ["Choose what the document is: " + string.Join(", ", Enum.GetNames<DocumentKind>()) + "."];
            kind = DocumentKind.Other;
        }
        else if (input.FromTemplate)
        {
            if (DocumentTemplates.For(kind) is not { } template) errors["fromTemplate"] = [$"There is no template for {kind} documents; start from an empty page."];
            else if (body.Length > 0) errors["body"] = ["Start from the template or give a body, not both."];
            else body = template;
        }
        CheckBody(body, errors);
        if (errors.Count > 0) throw new DomainValidationException(errors);

        var now = time.GetUtcNow();
        await using var connection = await connections.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        if (!await DocumentStore.ProjectExistsAsync(connection, tx, projectId)) throw new NotFoundException("Project", projectId.ToString());
        var id = await connection.ExecuteScalarAsync<long>("""
            INSERT INTO core_document (project_id, title, kind, current_revision, created_at, updated_at, version)
            VALUES (@projectId, @title, @kind, 1, @now, @now, 1) RETURNING id
            """, new { projectId, title, kind = kind.ToString(), now = DapperTypeHandlers.Format(now) }, tx);
        await DocumentStore.AddRevisionAsync(connection, tx, id, 1, title, body, user.DisplayName, now);
        var created = (await DocumentStore.FindAsync(connection, tx, projectId, id))!;
        await audit.WriteAsync(connection, tx, new AuditEntry("core", "document", id.ToString(), "created", null, Snapshot(created)) { ProjectId = projectId }, ct);
        await tx.CommitAsync(ct);
        return created;
    }

    /// <summary>
    /// Saves an edit made on <paramref name="version"/> as a new revision. Refused with a conflict when someone saved
    /// in between (their revision stays current); returns the document unchanged when title and text are the same.
    /// </summary>
    public async Task<ProjectDocument> UpdateAsync(long projectId, long documentId, long version, string? title, string? body, CancellationToken ct = default)
    {
        await access.DemandAsync(projectId, TsPmo.Core.Projects.ProjectPermissions.EditDocuments, ct);
        var errors = new Dictionary<string, string[]>();
        var newTitle = CheckTitle(title, errors);
        var newBody = Normalize(body);
        CheckBody(newBody, errors);
        if (errors.Count > 0) throw new DomainValidationException(errors);

        await using var connection = await connections.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var before = await DocumentStore.FindAsync(connection, tx, projectId, documentId) ?? throw DocumentNotFound(documentId);
        if (before.Version != version) throw new ConcurrencyConflictException("Document", $"\"{before.Title}\"");
        var current = (await DocumentStore.RevisionAsync(connection, tx, documentId, before.CurrentRevision))!;
        if (current.Title == newTitle && current.Body == newBody) return before;

        var now = time.GetUtcNow();
        var revision = before.CurrentRevision + 1;
        var rows = await connection.ExecuteAsync("""
            UPDATE core_document SET title = @newTitle, current_revision = @revision, updated_at = @now, version = version + 1
            WHERE id = @documentId AND version = @version
            """, new { newTitle, revision, now = DapperTypeHandlers.Format(now), documentId, version }, tx);
        if (rows != 1) throw new ConcurrencyConflictException("Document", $"\"{before.Title}\"");
        await DocumentStore.AddRevisionAsync(connection, tx, documentId, revision, newTitle, newBody, user.DisplayName, now);
        var after = (await DocumentStore.FindAsync(connection, tx, projectId, documentId))!;
        await audit.WriteAsync(connection, tx, new AuditEntry("core", "document", documentId.ToString(), "updated", Snapshot(before), Snapshot(after))
            { ProjectId = projectId }, ct);
        await tx.CommitAsync(ct);
        return after;
    }

    /// <summary>What the audit trail keeps: the text itself is in the revisions, which are never changed, so it is not copied here.</summary>
    private static object Snapshot(ProjectDocument d) => new { d.Title, Kind = d.Kind.ToString(), Revision = d.CurrentRevision };

    private static string CheckTitle(string? title, Dictionary<string, string[]> errors)
    {
        var trimmed = title?.Trim() ?? "";
        if (trimmed.Length is 0 or > MaxTitleLength) errors["title"] = [$"Give the document a title of 1 to {MaxTitleLength} characters."];
        return trimmed;
    }

    private static void CheckBody(string body, Dictionary<string, string[]> errors)
    {
        if (body.Length > MaxBodyLength) errors["body"] = [$"A document is limited to {MaxBodyLength:N0} characters; split it into several documents."];
    }

    /// <summary>
    /// Browsers send a textarea with CRLF line ends and API clients usually LF: stored as LF only, the same text is
    /// the same whichever way it came, so a re-save is not a change and diffs show only real edits.
    /// </summary>
    private static string Normalize(string? body) => (body ?? "").Replace("\r\n", "\n").Replace('\r', '\n');

    private static NotFoundException DocumentNotFound(long documentId) => new("Document", documentId.ToString());

    private static NotFoundException RevisionNotFound(long documentId, int revision) => new("Revision", $"{revision} of document {documentId}");
}
