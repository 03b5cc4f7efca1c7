using System.Data.Common;
using Dapper;
using TsPmo.Sdk.Ports.Directory;
using TsPmo.Agile.Domain;

namespace TsPmo.Agile.Data;

/// <summary>The SQL of the board tables. A board loads in two queries, whatever its size.</summary>
internal static class BoardStore
{
    private const string CardColumns = """
        c.id, c.project_id AS ProjectId, c.column_id AS ColumnId, col.name AS ColumnName, c.position, c.title, c.description,
        c.class_of_service AS ClassOfService, c.assignee_id AS AssigneeId, c.estimate_hours AS EstimateHours,
        c.due_date AS DueDate, c.blocked, c.blocked_reason AS BlockedReason, c.created_at AS CreatedAt, c.started_at AS StartedAt,
        c.done_at AS DoneAt, c.updated_at AS UpdatedAt, c.version
        """;

    private const string CardFrom = """
        FROM agile_card c JOIN agile_column col ON col.id = c.column_id
        """;

    public static async Task<IReadOnlyList<BoardColumn>> ColumnsAsync(DbConnection connection, DbTransaction? tx, long projectId) =>
        (await connection.QueryAsync<BoardColumn>("""
            SELECT id, project_id AS ProjectId, position, name, wip_limit AS WipLimit, policy, is_started AS IsStarted, is_done AS IsDone
            FROM agile_column WHERE project_id = @projectId ORDER BY position
            """, new { projectId }, tx)).ToList();

    /// <summary>The version of the board's columns; 0 while the project has no settings row (nobody edited them yet).</summary>
    public static async Task<long> ColumnsVersionAsync(DbConnection connection, DbTransaction? tx, long projectId) =>
        await connection.ExecuteScalarAsync<long?>("SELECT columns_version FROM agile_settings WHERE project_id = @projectId", new { projectId }, tx) ?? 0;

    public static async Task<IReadOnlyList<Card>> CardsAsync(DbConnection connection, DbTransaction? tx, long projectId) =>
        (await connection.QueryAsync<Card>($"SELECT {CardColumns} {CardFrom} WHERE c.project_id = @projectId ORDER BY col.position, c.position, c.id",
            new { projectId }, tx)).ToList();

    public static Task<Card?> CardAsync(DbConnection connection, DbTransaction? tx, long projectId, long cardId) =>
        connection.QuerySingleOrDefaultAsync<Card>($"SELECT {CardColumns} {CardFrom} WHERE c.project_id = @projectId AND c.id = @cardId",
            new { projectId, cardId }, tx);

    public static Task RecordMoveAsync(DbConnection connection, DbTransaction tx, long projectId, long cardId, string? from, string to, string at, string by) =>
        connection.ExecuteAsync("""
            INSERT INTO agile_card_move (card_id, project_id, from_column, to_column, at, moved_by) VALUES (@cardId, @projectId, @from, @to, @at, @by)
            """, new { cardId, projectId, from, to, at, by }, tx);

    /// <summary>Fills in the assignees' names from the people directory (this module reads no core table).</summary>
    public static async Task<IReadOnlyList<Card>> NamedAsync(IPeopleDirectory people, IReadOnlyList<Card> cards, CancellationToken ct)
    {
        var ids = cards.Where(c => c.AssigneeId is not null).Select(c => c.AssigneeId!.Value).Distinct().ToList();
        if (ids.Count == 0) return cards;
        var names = await people.FindManyAsync(ids, ct);
        return cards.Select(c => c.AssigneeId is { } a && names.TryGetValue(a, out var person) ? c with { AssigneeName = person.Name } : c).ToList();
    }

    public static Task InsertColumnsAsync(DbConnection connection, DbTransaction tx, long projectId, IReadOnlyList<ColumnDefinition> columns) =>
        connection.ExecuteAsync("""
            INSERT INTO agile_column (project_id, position, name, wip_limit, policy, is_started, is_done)
            VALUES (@projectId, @position, @Name, @WipLimit, @Policy, @Started, @Done)
            """, columns.Select((c, position) => new { projectId, position, c.Name, c.WipLimit, Policy = c.Policy ?? "", c.Started, c.Done }), tx);

    /// <summary>Renumbers a column so <paramref name="orderedIds"/> sit at positions 0, 1, 2…</summary>
    public static Task RenumberAsync(DbConnection connection, DbTransaction tx, IReadOnlyList<long> orderedIds) =>
        connection.ExecuteAsync("UPDATE agile_card SET position = @position WHERE id = @id",
            orderedIds.Select((id, position) => new { id, position }), tx);
}
