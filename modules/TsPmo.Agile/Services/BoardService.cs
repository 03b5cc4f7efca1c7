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
    IUnitOfWork work,
    IProjectDirectory projects,
    IPeopleDirectory people,
    IProjectPermissions permissions,
    IOrganizationClock clock,
    IDomainEventPublisher events)
{
    public async Task<BoardView> GetAsync(long projectId, CancellationToken ct = default)
    {
        await projects.RequireAsync(projectId, AgileModule.Id, ct);
        await using var connection = await connections.OpenAsync(ct);
        return new BoardView(await BoardStore.ColumnsAsync(connection, null, projectId),
            await BoardStore.NamedAsync(people, await BoardStore.CardsAsync(connection, null, projectId), ct),
            await BoardStore.ColumnsVersionAsync(connection, null, projectId));
    }

    public async Task<Card> GetCardAsync(long projectId, long cardId, CancellationToken ct = default)
    {
        await projects.RequireAsync(projectId, AgileModule.Id, ct);
        await using var connection = await connections.OpenAsync(ct);
        var card = await BoardStore.CardAsync(connection, null, projectId, cardId) ?? throw new NotFoundException("Card", cardId.ToString());
        return (await BoardStore.NamedAsync(people, [card], ct))[0];
    }

    /// <summary>Gives a project the default columns if it has none yet (a new Kanban project).</summary>
    public async Task EnsureColumnsAsync(long projectId, CancellationToken ct = default)
    {
        await using var w = await work.BeginAsync(AgileModule.Id, projectId, ct);
        if (await w.ScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM agile_column WHERE project_id = @projectId)", new { projectId }, ct)) return;
        await BoardStore.InsertColumnsAsync(w.Connection, w.Transaction, projectId, DefaultColumns.All);
        await w.CommitAsync(ct);
    }

    public async Task<Card> CreateCardAsync(long projectId, CardInput input, CancellationToken ct = default)
    {
        await projects.RequireAsync(projectId, AgileModule.Id, ct);
        await permissions.DemandAsync(projectId, AgileModule.EditCards, ct);
        var valid = CardRules.Validate(input);
        await EnsureColumnsAsync(projectId, ct);
        await using var w = await work.BeginAsync(AgileModule.Id, projectId, ct);
        var now = w.Stamp;
        var first = (await BoardStore.ColumnsAsync(w.Connection, w.Transaction, projectId))[0];
        await people.RequirePersonAsync(valid.AssigneeId, "assigneeId", ct);
        var id = await w.ScalarAsync<long>("""
            INSERT INTO agile_card (project_id, column_id, position, title, description, class_of_service, assignee_id, estimate_hours, due_date,
                                    blocked, blocked_reason, created_at, updated_at, version)
            VALUES (@projectId, @column, (SELECT COALESCE(MAX(position), -1) + 1 FROM agile_card WHERE column_id = @column), @Title, @Description,
                    @ClassOfService, @AssigneeId, @EstimateHours, @DueDate, @Blocked, @BlockedReason, @now, @now, 1)
            RETURNING id
            """, new
        {
            projectId, column = first.Id, valid.Title, valid.Description, ClassOfService = valid.ClassOfService.ToString(), valid.AssigneeId,
            valid.EstimateHours, valid.DueDate, valid.Blocked, valid.BlockedReason, now,
        }, ct);
        await BoardStore.RecordMoveAsync(w.Connection, w.Transaction, projectId, id, null, first.Name, now, w.ActorName);
        await w.AuditAsync("card", id, "created", null, valid, ct);
        await w.CommitAsync(ct);
        return (await GetCardAsync(projectId, id, ct));
    }

    public async Task<Card> UpdateCardAsync(long projectId, long cardId, long version, CardInput input, CancellationToken ct = default)
    {
        await projects.RequireAsync(projectId, AgileModule.Id, ct);
        await permissions.DemandAsync(projectId, AgileModule.EditCards, ct);
        var valid = CardRules.Validate(input);
        await using var w = await work.BeginAsync(AgileModule.Id, projectId, ct);
        var before = await BoardStore.CardAsync(w.Connection, w.Transaction, projectId, cardId) ?? throw new NotFoundException("Card", cardId.ToString());
        await people.RequirePersonAsync(valid.AssigneeId, "assigneeId", ct);
        await w.ExecuteVersionedAsync("""
            UPDATE agile_card SET title = @Title, description = @Description, class_of_service = @ClassOfService, assignee_id = @AssigneeId,
                   estimate_hours = @EstimateHours, due_date = @DueDate, blocked = @Blocked, blocked_reason = @BlockedReason,
                   updated_at = @now, version = version + 1
            WHERE id = @cardId AND version = @version
            """, new
        {
            valid.Title, valid.Description, ClassOfService = valid.ClassOfService.ToString(), valid.AssigneeId, valid.EstimateHours, valid.DueDate,
            valid.Blocked, valid.BlockedReason, now = w.Stamp, cardId, version,
        }, "Card", $"\"{before.Title}\"", ct);
        await w.AuditAsync("card", cardId, "updated",
            CardRules.Snapshot(before), valid, ct);
        await w.CommitAsync(ct);
        return await GetCardAsync(projectId, cardId, ct);
    }

    /// <summary>
    /// Moves a card to a column (by name or id) at a position (default: the bottom). A full target column refuses
    /// the move; nothing changes. The check and the move share one write transaction, so two people cannot both
    /// take the last slot.
    /// </summary>
    public async Task<Card> MoveCardAsync(long projectId, long cardId, string column, int? position = null, CancellationToken ct = default)
    {
        await projects.RequireAsync(projectId, AgileModule.Id, ct);
        await permissions.DemandAsync(projectId, AgileModule.EditCards, ct);
        await using var w = await work.BeginAsync(AgileModule.Id, projectId, ct);
        var columns = await BoardStore.ColumnsAsync(w.Connection, w.Transaction, projectId);
        var target = columns.FirstOrDefault(c => string.Equals(c.Name, column?.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? columns.FirstOrDefault(c => c.Id.ToString() == column)
            ?? throw new DomainValidationException("column", $"There is no column \"{column}\" on this board. Columns: {string.Join(", ", columns.Select(c => c.Name))}.");
        var card = await BoardStore.CardAsync(w.Connection, w.Transaction, projectId, cardId) ?? throw new NotFoundException("Card", cardId.ToString());

        var siblings = (await w.QueryAsync<long>(
            "SELECT id FROM agile_card WHERE column_id = @Id AND id <> @cardId ORDER BY position, id", new { target.Id, cardId }, ct)).ToList();
        if (card.ColumnId != target.Id && target.WipLimit is { } limit && siblings.Count >= limit)
            throw new RuleViolationException($"{target.Name} is at its WIP limit of {limit}: finish or move a card out of it before pulling in another.");

        siblings.Insert(Math.Clamp(position ?? siblings.Count, 0, siblings.Count), cardId);
        var now = w.Stamp;
        if (card.ColumnId != target.Id)
        {
            var index = columns.ToList().FindIndex(c => c.Id == target.Id);
            var startedIndex = columns.ToList().FindIndex(c => c.IsStarted);
            var started = card.StartedAt is null && startedIndex >= 0 && index >= startedIndex ? now : null;
            await w.ExecuteAsync("""
                UPDATE agile_card SET column_id = @Id, started_at = COALESCE(started_at, @started),
                       done_at = CASE WHEN @IsDone THEN @now ELSE NULL END, updated_at = @now, version = version + 1
                WHERE id = @cardId
                """, new { target.Id, started, target.IsDone, now, cardId }, ct);
            await BoardStore.RecordMoveAsync(w.Connection, w.Transaction, projectId, cardId, card.ColumnName, target.Name, now, w.ActorName);
            await w.AuditAsync("card", cardId, "moved",
                new { column = card.ColumnName }, new { column = target.Name }, ct);
        }
        await BoardStore.RenumberAsync(w.Connection, w.Transaction, siblings);
        await w.CommitAsync(ct);
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
        var project = await projects.RequireAsync(projectId, AgileModule.Id, ct);
        await permissions.DemandAsync(projectId, AgileModule.ManageBoard, ct);
        var defs = ColumnRules.Validate(definitions);
        await EnsureColumnsAsync(projectId, ct);
        await using var w = await work.BeginAsync(AgileModule.Id, projectId, ct);
        WriteScope.CheckVersion(version, await BoardStore.ColumnsVersionAsync(w.Connection, w.Transaction, projectId), "The column layout of board", project.Code);
        var existing = await BoardStore.ColumnsAsync(w.Connection, w.Transaction, projectId);
        var removed = existing.Where(e => !defs.Any(d => string.Equals(d.Name, e.Name, StringComparison.OrdinalIgnoreCase))).ToList();
        var targets = new Dictionary<long, string>();
        var errors = new List<string>();
        foreach (var column in removed)
        {
            var count = await w.ScalarAsync<int>("SELECT COUNT(*) FROM agile_card WHERE column_id = @Id", new { column.Id }, ct);
            if (count == 0) continue;
            var to = moveCardsTo?.FirstOrDefault(m => string.Equals(m.Key, column.Name, StringComparison.OrdinalIgnoreCase)).Value;
            if (to is null || !defs.Any(d => string.Equals(d.Name, to, StringComparison.OrdinalIgnoreCase)))
                errors.Add($"\"{column.Name}\" holds {count} card(s): say which remaining column they move to.");
            else targets[column.Id] = defs.First(d => string.Equals(d.Name, to, StringComparison.OrdinalIgnoreCase)).Name!;
        }
        if (errors.Count > 0) throw new DomainValidationException("moveCardsTo", string.Join(" ", errors));

        // Parking positions first avoids clashes while columns swap places.
        await w.ExecuteAsync("UPDATE agile_column SET position = position + 10000 WHERE project_id = @projectId", new { projectId }, ct);
        for (var i = 0; i < defs.Count; i++)
        {
            var d = defs[i];
            var match = existing.FirstOrDefault(e => string.Equals(e.Name, d.Name, StringComparison.OrdinalIgnoreCase));
            if (match is null)
                await w.ExecuteAsync("""
                    INSERT INTO agile_column (project_id, position, name, wip_limit, policy, is_started, is_done)
                    VALUES (@projectId, @i, @Name, @WipLimit, @Policy, @Started, @Done)
                    """, new { projectId, i, d.Name, d.WipLimit, Policy = d.Policy ?? "", d.Started, d.Done }, ct);
            else
                await w.ExecuteAsync("""
                    UPDATE agile_column SET position = @i, name = @Name, wip_limit = @WipLimit, policy = @Policy, is_started = @Started, is_done = @Done
                    WHERE id = @Id
                    """, new { i, d.Name, d.WipLimit, Policy = d.Policy ?? "", d.Started, d.Done, match.Id }, ct);
        }
        var now = w.Stamp;
        foreach (var column in removed)
        {
            if (targets.TryGetValue(column.Id, out var to))
            {
                var cards = (await w.QueryAsync<long>("SELECT id FROM agile_card WHERE column_id = @Id", new { column.Id }, ct)).ToList();
                await w.ExecuteAsync("""
                    UPDATE agile_card SET column_id = (SELECT id FROM agile_column WHERE project_id = @projectId AND name = @to), updated_at = @now, version = version + 1
                    WHERE column_id = @Id
                    """, new { projectId, to, now, column.Id }, ct);
                foreach (var card in cards) await BoardStore.RecordMoveAsync(w.Connection, w.Transaction, projectId, card, column.Name, to, now, w.ActorName);
            }
            await w.ExecuteAsync("DELETE FROM agile_column WHERE id = @Id", new { column.Id }, ct);
        }
        await w.ExecuteAsync("""
            INSERT INTO agile_settings (project_id, columns_version) VALUES (@projectId, 1)
            ON CONFLICT (project_id) DO UPDATE SET columns_version = agile_settings.columns_version + 1
            """, new { projectId }, ct);
        var after = await BoardStore.ColumnsAsync(w.Connection, w.Transaction, projectId);
        await w.AuditAsync("board-columns", projectId, "changed",
            existing.Select(c => new { c.Name, c.WipLimit, c.IsStarted, c.IsDone }), after.Select(c => new { c.Name, c.WipLimit, c.IsStarted, c.IsDone }), ct);
        await w.CommitAsync(ct);
        return after;
    }
}
