using System.Data.Common;
using Dapper;
using TsPmo.Sdk.Audit;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Ports.Directory;
using TsPmo.Sdk.Ports.Events;
using TsPmo.Sdk.Security;
using TsPmo.Sdk.Time;
using TsPmo.Agile.Data;
using TsPmo.Agile.Domain;

namespace TsPmo.Agile.Services;

/// <summary>
/// The board of one Kanban project: cards created into the first column, moves that respect WIP limits and are
/// recorded with their instant (so flow metrics are exact), started and done instants kept on the card.
/// </summary>
public sealed class BoardService(
    IDbConnectionFactory connections,
    IProjectDirectory projects,
    IProjectPermissions permissions,
    IAuditLog audit,
    ICurrentUser user,
    IOrganizationClock clock,
    IDomainEventPublisher events)
{
    public async Task<BoardView> GetAsync(long projectId, CancellationToken ct = default)
    {
        await RequireAgileAsync(projectId, ct);
        await using var connection = await connections.OpenAsync(ct);
        return new BoardView(await BoardStore.ColumnsAsync(connection, null, projectId), await BoardStore.CardsAsync(connection, null, projectId),
            await BoardStore.ColumnsVersionAsync(connection, null, projectId));
    }

    public async Task<Card> GetCardAsync(long projectId, long cardId, CancellationToken ct = default)
    {
        await RequireAgileAsync(projectId, ct);
        await using var connection = await connections.OpenAsync(ct);
        return await BoardStore.CardAsync(connection, null, projectId, cardId) ?? throw new NotFoundException("Card", cardId.ToString());
    }

    /// <summary>Gives a project the default columns if it has none yet (a new Kanban project).</summary>
    public async Task EnsureColumnsAsync(long projectId, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        if (await connection.ExecuteScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM agile_column WHERE project_id = @projectId)", new { projectId }, tx)) return;
        await InsertColumnsAsync(connection, tx, projectId, DefaultColumns.All);
        await tx.CommitAsync(ct);
    }

    public async Task<Card> CreateCardAsync(long projectId, CardInput input, CancellationToken ct = default)
    {
        await RequireAgileAsync(projectId, ct);
        await permissions.DemandAsync(projectId, AgileModule.EditCards, ct);
        var valid = CardRules.Validate(input);
        await EnsureColumnsAsync(projectId, ct);
        var now = Stamp();
        await using var connection = await connections.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var first = (await BoardStore.ColumnsAsync(connection, tx, projectId))[0];
        await CheckAssigneeAsync(connection, tx, valid.AssigneeId);
        var id = await connection.ExecuteScalarAsync<long>("""
            INSERT INTO agile_card (project_id, column_id, position, title, description, class_of_service, assignee_id, estimate_hours, due_date,
                                    blocked, blocked_reason, created_at, updated_at, version)
            VALUES (@projectId, @column, (SELECT COALESCE(MAX(position), -1) + 1 FROM agile_card WHERE column_id = @column), @Title, @Description,
                    @ClassOfService, @AssigneeId, @EstimateHours, @DueDate, @Blocked, @BlockedReason, @now, @now, 1)
            RETURNING id
            """, new
        {
            projectId, column = first.Id, valid.Title, valid.Description, ClassOfService = valid.ClassOfService.ToString(), valid.AssigneeId,
            valid.EstimateHours, valid.DueDate, valid.Blocked, valid.BlockedReason, now,
        }, tx);
        await BoardStore.RecordMoveAsync(connection, tx, projectId, id, null, first.Name, now, user.DisplayName);
        await audit.WriteAsync(connection, tx, new AuditEntry(AgileModule.Id, "card", id.ToString(), "created", null, valid) { ProjectId = projectId }, ct);
        await tx.CommitAsync(ct);
        return (await GetCardAsync(projectId, id, ct));
    }

    public async Task<Card> UpdateCardAsync(long projectId, long cardId, long version, CardInput input, CancellationToken ct = default)
    {
        await RequireAgileAsync(projectId, ct);
        await permissions.DemandAsync(projectId, AgileModule.EditCards, ct);
        var valid = CardRules.Validate(input);
        await using var connection = await connections.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var before = await BoardStore.CardAsync(connection, tx, projectId, cardId) ?? throw new NotFoundException("Card", cardId.ToString());
        await CheckAssigneeAsync(connection, tx, valid.AssigneeId);
        var rows = await connection.ExecuteAsync("""
            UPDATE agile_card SET title = @Title, description = @Description, class_of_service = @ClassOfService, assignee_id = @AssigneeId,
                   estimate_hours = @EstimateHours, due_date = @DueDate, blocked = @Blocked, blocked_reason = @BlockedReason,
                   updated_at = @now, version = version + 1
            WHERE id = @cardId AND version = @version
            """, new
        {
            valid.Title, valid.Description, ClassOfService = valid.ClassOfService.ToString(), valid.AssigneeId, valid.EstimateHours, valid.DueDate,
            valid.Blocked, valid.BlockedReason, now = Stamp(), cardId, version,
        }, tx);
        if (rows != 1) throw new ConcurrencyConflictException("Card", $"\"{before.Title}\"");
        await audit.WriteAsync(connection, tx, new AuditEntry(AgileModule.Id, "card", cardId.ToString(), "updated",
            CardRules.Snapshot(before), valid) { ProjectId = projectId }, ct);
        await tx.CommitAsync(ct);
        return await GetCardAsync(projectId, cardId, ct);
    }

    /// <summary>
    /// Moves a card to a column (by name or id) at a position (default: the bottom). A full target column refuses
    /// the move; nothing changes. The check and the move share one write transaction, so two people cannot both
    /// take the last slot.
    /// </summary>
    public async Task<Card> MoveCardAsync(long projectId, long cardId, string column, int? position = null, CancellationToken ct = default)
    {
        await RequireAgileAsync(projectId, ct);
        await permissions.DemandAsync(projectId, AgileModule.EditCards, ct);
        await using var connection = await connections.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var columns = await BoardStore.ColumnsAsync(connection, tx, projectId);
        var target = columns.FirstOrDefault(c => string.Equals(c.Name, column?.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? columns.FirstOrDefault(c => c.Id.ToString() == column)
            ?? throw new DomainValidationException("column", $"There is no column \"{column}\" on this board. Columns: {string.Join(", ", columns.Select(c => c.Name))}.");
        var card = await BoardStore.CardAsync(connection, tx, projectId, cardId) ?? throw new NotFoundException("Card", cardId.ToString());

        var siblings = (await connection.QueryAsync<long>(
            "SELECT id FROM agile_card WHERE column_id = @Id AND id <> @cardId ORDER BY position, id", new { target.Id, cardId }, tx)).ToList();
        if (card.ColumnId != target.Id && target.WipLimit is { } limit && siblings.Count >= limit)
            throw new RuleViolationException($"{target.Name} is at its WIP limit of {limit}: finish or move a card out of it before pulling in another.");

        siblings.Insert(Math.Clamp(position ?? siblings.Count, 0, siblings.Count), cardId);
        var now = Stamp();
        if (card.ColumnId != target.Id)
        {
            var index = columns.ToList().FindIndex(c => c.Id == target.Id);
            var startedIndex = columns.ToList().FindIndex(c => c.IsStarted);
            var started = card.StartedAt is null && startedIndex >= 0 && index >= startedIndex ? now : null;
            await connection.ExecuteAsync("""
                UPDATE agile_card SET column_id = @Id, started_at = COALESCE(started_at, @started),
                       done_at = CASE WHEN @IsDone THEN @now ELSE NULL END, updated_at = @now, version = version + 1
                WHERE id = @cardId
                """, new { target.Id, started, target.IsDone, now, cardId }, tx);
            await BoardStore.RecordMoveAsync(connection, tx, projectId, cardId, card.ColumnName, target.Name, now, user.DisplayName);
            await audit.WriteAsync(connection, tx, new AuditEntry(AgileModule.Id, "card", cardId.ToString(), "moved",
                new { column = card.ColumnName }, new { column = target.Name }) { ProjectId = projectId }, ct);
        }
        await BoardStore.RenumberAsync(connection, tx, siblings);
        await tx.CommitAsync(ct);
        if (target.IsDone && card.ColumnId != target.Id)
            await events.PublishAsync(new WorkCompleted(projectId, AgileModule.Id, cardId.ToString(), card.Title, clock.UtcNow), ct);
        return await GetCardAsync(projectId, cardId, ct);
    }

    /// <summary>
    /// Replaces the board's columns with <paramref name="definitions"/>, in order, matching existing columns by
    /// name. Cards in a removed column move to the column named in <paramref name="moveCardsTo"/>, or the change is refused.
    /// With a <paramref name="version"/> (every form sends one) an edit made on columns someone has since changed is refused (409),
    /// because the whole set is replaced and would otherwise silently undo their change.
    /// </summary>
    public async Task<IReadOnlyList<BoardColumn>> SetColumnsAsync(long projectId, IReadOnlyList<ColumnDefinition> definitions,
        IReadOnlyDictionary<string, string>? moveCardsTo = null, long? version = null, CancellationToken ct = default)
    {
        var project = await RequireAgileAsync(projectId, ct);
        await permissions.DemandAsync(projectId, AgileModule.ManageBoard, ct);
        var defs = ColumnRules.Validate(definitions);
        await EnsureColumnsAsync(projectId, ct);
        await using var connection = await connections.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        if (version is { } v && v != await BoardStore.ColumnsVersionAsync(connection, tx, projectId))
            throw new ConcurrencyConflictException("The column layout of board", project.Code);
        var existing = await BoardStore.ColumnsAsync(connection, tx, projectId);
        var removed = existing.Where(e => !defs.Any(d => string.Equals(d.Name, e.Name, StringComparison.OrdinalIgnoreCase))).ToList();
        var targets = new Dictionary<long, string>();
        var errors = new List<string>();
        foreach (var column in removed)
        {
            var count = await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM agile_card WHERE column_id = @Id", new { column.Id }, tx);
            if (count == 0) continue;
            var to = moveCardsTo?.FirstOrDefault(m => string.Equals(m.Key, column.Name, StringComparison.OrdinalIgnoreCase)).Value;
            if (to is null || !defs.Any(d => string.Equals(d.Name, to, StringComparison.OrdinalIgnoreCase)))
                errors.Add($"\"{column.Name}\" holds {count} card(s): say which remaining column they move to.");
            else targets[column.Id] = defs.First(d => string.Equals(d.Name, to, StringComparison.OrdinalIgnoreCase)).Name!;
        }
        if (errors.Count > 0) throw new DomainValidationException("moveCardsTo", string.Join(" ", errors));

        // Parking positions first avoids clashes while columns swap places.
        await connection.ExecuteAsync("UPDATE agile_column SET position = position + 10000 WHERE project_id = @projectId", new { projectId }, tx);
        for (var i = 0; i < defs.Count; i++)
        {
            var d = defs[i];
            var match = existing.FirstOrDefault(e => string.Equals(e.Name, d.Name, StringComparison.OrdinalIgnoreCase));
            if (match is null)
                await connection.ExecuteAsync("""
                    INSERT INTO agile_column (project_id, position, name, wip_limit, policy, is_started, is_done)
                    VALUES (@projectId, @i, @Name, @WipLimit, @Policy, @Started, @Done)
                    """, new { projectId, i, d.Name, d.WipLimit, Policy = d.Policy ?? "", d.Started, d.Done }, tx);
            else
                await connection.ExecuteAsync("""
                    UPDATE agile_column SET position = @i, name = @Name, wip_limit = @WipLimit, policy = @Policy, is_started = @Started, is_done = @Done
                    WHERE id = @Id
                    """, new { i, d.Name, d.WipLimit, Policy = d.Policy ?? "", d.Started, d.Done, match.Id }, tx);
        }
        var now = Stamp();
        foreach (var column in removed)
        {
            if (targets.TryGetValue(column.Id, out var to))
            {
                var cards = (await connection.QueryAsync<long>("SELECT id FROM agile_card WHERE column_id = @Id", new { column.Id }, tx)).ToList();
                await connection.ExecuteAsync("""
                    UPDATE agile_card SET column_id = (SELECT id FROM agile_column WHERE project_id = @projectId AND name = @to), updated_at = @now, version = version + 1
                    WHERE column_id = @Id
                    """, new { projectId, to, now, column.Id }, tx);
                foreach (var card in cards) await BoardStore.RecordMoveAsync(connection, tx, projectId, card, column.Name, to, now, user.DisplayName);
            }
            await connection.ExecuteAsync("DELETE FROM agile_column WHERE id = @Id", new { column.Id }, tx);
        }
        await connection.ExecuteAsync("""
            INSERT INTO agile_settings (project_id, columns_version) VALUES (@projectId, 1)
            ON CONFLICT (project_id) DO UPDATE SET columns_version = agile_settings.columns_version + 1
            """, new { projectId }, tx);
        var after = await BoardStore.ColumnsAsync(connection, tx, projectId);
        await audit.WriteAsync(connection, tx, new AuditEntry(AgileModule.Id, "board-columns", projectId.ToString(), "changed",
            existing.Select(c => new { c.Name, c.WipLimit, c.IsStarted, c.IsDone }), after.Select(c => new { c.Name, c.WipLimit, c.IsStarted, c.IsDone }))
            { ProjectId = projectId }, ct);
        await tx.CommitAsync(ct);
        return after;
    }

    /// <summary>404 unless the project exists and is run with Agile (Kanban).</summary>
    public async Task<ProjectInfo> RequireAgileAsync(long projectId, CancellationToken ct)
    {
        var project = await projects.FindAsync(projectId, ct) ?? throw new NotFoundException("Project", projectId.ToString());
        if (project.MethodologyId != AgileModule.Id)
            throw new NotFoundException("Kanban board of project", $"{project.Code} (it is run with {project.MethodologyId})");
        return project;
    }

    internal static async Task InsertColumnsAsync(DbConnection connection, DbTransaction tx, long projectId, IReadOnlyList<ColumnDefinition> columns) =>
        await connection.ExecuteAsync("""
            INSERT INTO agile_column (project_id, position, name, wip_limit, policy, is_started, is_done)
            VALUES (@projectId, @position, @Name, @WipLimit, @Policy, @Started, @Done)
            """, columns.Select((c, position) => new { projectId, position, c.Name, c.WipLimit, Policy = c.Policy ?? "", c.Started, c.Done }), tx);

    private static async Task CheckAssigneeAsync(DbConnection connection, DbTransaction tx, long? assigneeId)
    {
        if (assigneeId is { } id && !await connection.ExecuteScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM core_person WHERE id = @id)", new { id }, tx))
            throw new DomainValidationException("assigneeId", $"There is no person {id} in the directory.");
    }

    private string Stamp() => StoredTime.Format(clock.UtcNow);
}
