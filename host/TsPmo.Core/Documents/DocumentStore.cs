using System.Data.Common;
using Dapper;
using TsPmo.Core.Data;

namespace TsPmo.Core.Documents;

/// <summary>The SQL of <c>core_document</c> and <c>core_document_revision</c>. Every read is scoped to its project.</summary>
internal static class DocumentStore
{
    private const string Select = """
        SELECT d.id, d.project_id AS ProjectId, d.title, d.kind, d.current_revision AS CurrentRevision,
               d.created_at AS CreatedAt, d.updated_at AS UpdatedAt, r.author AS UpdatedBy, d.version
        FROM core_document d
        JOIN core_document_revision r ON r.document_id = d.id AND r.revision = d.current_revision
        """;

    public static Task<ProjectDocument?> FindAsync(DbConnection connection, DbTransaction? tx, long projectId, long documentId) =>
        connection.QuerySingleOrDefaultAsync<ProjectDocument>(Select + " WHERE d.id = @documentId AND d.project_id = @projectId",
            new { projectId, documentId }, tx);

    public static async Task<IReadOnlyList<ProjectDocument>> ListAsync(DbConnection connection, long projectId) =>
        (await connection.QueryAsync<ProjectDocument>(Select + " WHERE d.project_id = @projectId ORDER BY d.updated_at DESC, d.id DESC",
            new { projectId })).ToList();

    public static Task<bool> ProjectExistsAsync(DbConnection connection, DbTransaction? tx, long projectId) =>
        connection.ExecuteScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM core_project WHERE id = @projectId)", new { projectId }, tx);

    public static Task<DocumentRevision?> RevisionAsync(DbConnection connection, DbTransaction? tx, long documentId, int revision) =>
        connection.QuerySingleOrDefaultAsync<DocumentRevision>("""
            SELECT document_id AS DocumentId, revision, title, body, author, created_at AS CreatedAt
            FROM core_document_revision WHERE document_id = @documentId AND revision = @revision
            """, new { documentId, revision }, tx);

    public static async Task<IReadOnlyList<DocumentRevisionInfo>> RevisionsAsync(DbConnection connection, long documentId) =>
        (await connection.QueryAsync<DocumentRevisionInfo>("""
            SELECT revision, title, author, created_at AS CreatedAt, length(body) AS Length
            FROM core_document_revision WHERE document_id = @documentId ORDER BY revision DESC
            """, new { documentId })).ToList();

    public static Task AddRevisionAsync(DbConnection connection, DbTransaction tx, long documentId, int revision, string title, string body,
        string author, DateTimeOffset at) =>
        connection.ExecuteAsync("""
            INSERT INTO core_document_revision (document_id, revision, title, body, author, created_at)
            VALUES (@documentId, @revision, @title, @body, @author, @at)
            """, new { documentId, revision, title, body, author, at = DapperTypeHandlers.Format(at) }, tx);
}
