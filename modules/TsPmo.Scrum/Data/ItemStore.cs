using System.Data.Common;
using Dapper;
using TsPmo.Sdk.Ports.Directory;
using TsPmo.Scrum.Domain;
using TsPmo.Scrum.Services;

namespace TsPmo.Scrum.Data;

/// <summary>The SQL of the item tables. A backlog, a sprint or a board loads in one query, whatever its size.</summary>
internal static class ItemStore
{
    private const string Columns = """
        i.id, i.project_id AS ProjectId, i.sprint_id AS SprintId, s.name AS SprintName, i.type, i.title, i.description,
        i.acceptance_criteria AS AcceptanceCriteria, i.points, i.estimate_hours AS EstimateHours, i.assignee_id AS AssigneeId,
        i.status, i.rank, i.board_position AS BoardPosition, i.created_at AS CreatedAt,
        i.updated_at AS UpdatedAt, i.done_at AS DoneAt, i.version
        """;

    private const string From = """
        FROM scrum_item i LEFT JOIN scrum_sprint s ON s.id = i.sprint_id
        """;

    /// <summary>The product backlog: items in no sprint, in order. <paramref name="withText"/> false leaves out the
    /// Markdown fields, which a list does not show.</summary>
    public static async Task<IReadOnlyList<BacklogItem>> BacklogAsync(DbConnection connection, DbTransaction? tx, long projectId, bool withText = true) =>
        (await connection.QueryAsync<BacklogItem>(
            $"SELECT {(withText ? Columns : ListColumns)} {From} WHERE i.project_id = @projectId AND i.sprint_id IS NULL ORDER BY i.rank, i.id",
            new { projectId }, tx)).AsList();

    private static readonly string ListColumns = Columns
        .Replace("i.description,", "'' AS description,", StringComparison.Ordinal)
        .Replace("i.acceptance_criteria AS AcceptanceCriteria", "'' AS AcceptanceCriteria", StringComparison.Ordinal);

    public static async Task<IReadOnlyList<BacklogItem>> SprintItemsAsync(DbConnection connection, DbTransaction? tx, long projectId, long sprintId) =>
        (await connection.QueryAsync<BacklogItem>($"SELECT {Columns} {From} WHERE i.project_id = @projectId AND i.sprint_id = @sprintId ORDER BY i.board_position, i.rank, i.id",
            new { projectId, sprintId }, tx)).AsList();

    public static async Task<IReadOnlyList<BacklogItem>> AllAsync(DbConnection connection, DbTransaction? tx, long projectId) =>
        (await connection.QueryAsync<BacklogItem>($"SELECT {Columns} {From} WHERE i.project_id = @projectId ORDER BY i.sprint_id IS NOT NULL, i.rank, i.id",
            new { projectId }, tx)).AsList();

    public static Task<BacklogItem?> FindAsync(DbConnection connection, DbTransaction? tx, long projectId, long itemId) =>
        connection.QuerySingleOrDefaultAsync<BacklogItem>($"SELECT {Columns} {From} WHERE i.project_id = @projectId AND i.id = @itemId",
            new { projectId, itemId }, tx);

    /// <summary>The state of the sprint an item is in (null when in the backlog).</summary>
    public static Task<string?> SprintStateAsync(DbConnection connection, DbTransaction? tx, long? sprintId) =>
        sprintId is null ? Task.FromResult<string?>(null)
            : connection.ExecuteScalarAsync<string?>("SELECT state FROM scrum_sprint WHERE id = @sprintId", new { sprintId }, tx);

    public static Task RecordAsync(DbConnection connection, DbTransaction tx, long projectId, long itemId, long? sprintId, string kind,
        ItemStatus? from, ItemStatus? to, decimal scopeDelta, decimal doneDelta, string at, string by) =>
        connection.ExecuteAsync("""
            INSERT INTO scrum_item_event (project_id, item_id, sprint_id, kind, from_status, to_status, scope_delta, done_delta, at, by_name)
            VALUES (@projectId, @itemId, @sprintId, @kind, @from, @to, @scope, @done, @at, @by)
            """, new
        {
            projectId, itemId, sprintId, kind, from = from?.ToString(), to = to?.ToString(),
            scope = (double)scopeDelta, done = (double)doneDelta, at, by,
        }, tx);

    /// <summary>Fills in the assignees' names from the people directory (this module reads no core table).</summary>
    public static async Task<IReadOnlyList<BacklogItem>> NamedAsync(IPeopleDirectory people, IReadOnlyList<BacklogItem> items, CancellationToken ct)
    {
        var ids = items.Where(i => i.AssigneeId is not null).Select(i => i.AssigneeId!.Value).Distinct().ToList();
        if (ids.Count == 0) return items;
        var names = await people.FindManyAsync(ids, ct);
        return items.Select(i => i.AssigneeId is { } a && names.TryGetValue(a, out var person) ? i with { AssigneeName = person.Name } : i).ToList();
    }

    /// <summary>Renumbers items so <paramref name="orderedIds"/> sit at 0, 1, 2… in <paramref name="column"/> (rank or board_position).</summary>
    public static Task RenumberAsync(DbConnection connection, DbTransaction tx, string column, IReadOnlyList<long> orderedIds)
    {
        if (column is not ("rank" or "board_position")) throw new ArgumentOutOfRangeException(nameof(column));
        return connection.ExecuteAsync($"UPDATE scrum_item SET {column} = @position WHERE id = @id",
            orderedIds.Select((id, position) => new { id, position }), tx);
    }
}
