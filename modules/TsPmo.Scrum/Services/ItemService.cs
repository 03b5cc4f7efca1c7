using System.Data.Common;
using Dapper;
using TsPmo.Sdk.Audit;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Ports.Directory;
using TsPmo.Sdk.Ports.Events;
using TsPmo.Sdk.Security;
using TsPmo.Sdk.Time;
using TsPmo.Scrum.Data;
using TsPmo.Scrum.Domain;

namespace TsPmo.Scrum.Services;

/// <summary>
/// The product backlog of a Scrum project: items created at the bottom, reordered by drag or by one step, edited
/// with a version check. Every status change and every change to the scope of an active sprint is recorded with its
/// instant, so burndown and burnup are exact.
/// </summary>
public sealed class ItemService(
    IDbConnectionFactory connections,
    IUnitOfWork work,
    IProjectDirectory projects,
    IPeopleDirectory people,
    IProjectPermissions permissions,
    IOrganizationClock clock,
    IDomainEventPublisher events)
{
    /// <summary>The backlog in order; <paramref name="withText"/> false leaves description and acceptance criteria empty (lists).</summary>
    public async Task<IReadOnlyList<BacklogItem>> BacklogAsync(long projectId, CancellationToken ct = default, bool withText = true)
    {
        await projects.RequireAsync(projectId, ScrumModule.Id, ct);
        await using var connection = await connections.OpenAsync(ct);
        return await ItemStore.NamedAsync(people, await ItemStore.BacklogAsync(connection, null, projectId, withText), ct);
    }

    public async Task<IReadOnlyList<BacklogItem>> AllAsync(long projectId, CancellationToken ct = default)
    {
        await projects.RequireAsync(projectId, ScrumModule.Id, ct);
        await using var connection = await connections.OpenAsync(ct);
        return await ItemStore.NamedAsync(people, await ItemStore.AllAsync(connection, null, projectId), ct);
    }

    public async Task<BacklogItem> GetAsync(long projectId, long itemId, CancellationToken ct = default)
    {
        await projects.RequireAsync(projectId, ScrumModule.Id, ct);
        await using var connection = await connections.OpenAsync(ct);
        var item = await ItemStore.FindAsync(connection, null, projectId, itemId) ?? throw new NotFoundException("Item", itemId.ToString());
        return (await ItemStore.NamedAsync(people, [item], ct))[0];
    }

    /// <summary>The item's recorded changes, newest first.</summary>
    public async Task<IReadOnlyList<ItemEvent>> HistoryAsync(long projectId, long itemId, CancellationToken ct = default)
    {
        await projects.RequireAsync(projectId, ScrumModule.Id, ct);
        await using var connection = await connections.OpenAsync(ct);
        return (await connection.QueryAsync<ItemEvent>("""
            SELECT e.kind, s.name AS SprintName, e.from_status AS FromStatus, e.to_status AS ToStatus, e.scope_delta AS ScopeDelta,
                   e.done_delta AS DoneDelta, e.at, e.by_name AS ByName
            FROM scrum_item_event e LEFT JOIN scrum_sprint s ON s.id = e.sprint_id
            WHERE e.project_id = @projectId AND e.item_id = @itemId ORDER BY e.id DESC LIMIT 200
            """, new { projectId, itemId })).AsList();
    }

    /// <summary>Creates an item at the bottom of the backlog.</summary>
    public async Task<BacklogItem> CreateAsync(long projectId, ItemInput input, CancellationToken ct = default)
    {
        await projects.RequireAsync(projectId, ScrumModule.Id, ct);
        await permissions.DemandAsync(projectId, ScrumModule.EditItems, ct);
        var valid = ItemRules.Validate(input);
        await people.RequirePersonAsync(valid.AssigneeId, "assigneeId", ct);
        await using var w = await work.BeginAsync(ScrumModule.Id, projectId, ct);
        var now = w.Stamp;
        var id = await w.ScalarAsync<long>("""
            INSERT INTO scrum_item (project_id, type, title, description, acceptance_criteria, points, estimate_hours, assignee_id, status,
                                    rank, created_at, updated_at, done_at, version)
            VALUES (@projectId, @Type, @Title, @Description, @AcceptanceCriteria, @Points, @EstimateHours, @AssigneeId, @Status,
                    (SELECT COALESCE(MAX(rank), -1) + 1 FROM scrum_item WHERE project_id = @projectId AND sprint_id IS NULL),
                    @now, @now, @doneAt, 1)
            RETURNING id
            """, new
        {
            projectId, Type = valid.Type.ToString(), valid.Title, valid.Description, valid.AcceptanceCriteria, Points = (double)valid.Points!.Value,
            EstimateHours = (double?)valid.EstimateHours, valid.AssigneeId, Status = valid.Status.ToString(), now,
            doneAt = valid.Status == ItemStatus.Done ? now : null,
        }, ct);
        await ItemStore.RecordAsync(w.Connection, w.Transaction, projectId, id, null, "Created", null, valid.Status, 0, 0, now, w.ActorName);
        await w.AuditAsync("item", id, "created", null, valid, ct);
        await w.CommitAsync(ct);
        return await GetAsync(projectId, id, ct);
    }

    /// <summary>
    /// Replaces an item's fields. With a <paramref name="version"/>, a stale edit is refused (409); without one (an API
    /// PATCH that sends none) the edit applies to the current state.
    /// </summary>
    public async Task<BacklogItem> UpdateAsync(long projectId, long itemId, long? version, ItemInput input, CancellationToken ct = default)
    {
        await projects.RequireAsync(projectId, ScrumModule.Id, ct);
        await permissions.DemandAsync(projectId, ScrumModule.EditItems, ct);
        var valid = ItemRules.Validate(input);
        BacklogItem before;
        await using (var w = await work.BeginAsync(ScrumModule.Id, projectId, ct))
        {
            before = await ItemStore.FindAsync(w.Connection, w.Transaction, projectId, itemId) ?? throw new NotFoundException("Item", itemId.ToString());
            WriteScope.CheckVersion(version, before.Version, "Item", $"\"{before.Title}\"");
            await people.RequirePersonAsync(valid.AssigneeId, "assigneeId", ct);
            var now = w.Stamp;
            var position = before.Status != valid.Status ? await EndOfColumnAsync(w, before.SprintId, valid.Status, ct) : before.BoardPosition;
            await w.ExecuteVersionedAsync("""
                UPDATE scrum_item SET type = @Type, title = @Title, description = @Description, acceptance_criteria = @AcceptanceCriteria,
                       points = @Points, estimate_hours = @EstimateHours, assignee_id = @AssigneeId, status = @Status, board_position = @position,
                       done_at = CASE WHEN @Status = 'Done' THEN COALESCE(done_at, @now) ELSE NULL END,
                       updated_at = @now, version = version + 1
                WHERE id = @itemId AND version = @Version
                """, new
            {
                Type = valid.Type.ToString(), valid.Title, valid.Description, valid.AcceptanceCriteria, Points = (double)valid.Points!.Value,
                EstimateHours = (double?)valid.EstimateHours, valid.AssigneeId, Status = valid.Status.ToString(), position, now, itemId, before.Version,
            }, "Item", $"\"{before.Title}\"", ct);
            await RecordChangesAsync(w, before, valid.Points.Value, valid.Status, now);
            await w.AuditAsync("item", itemId, "updated",
                ItemRules.Snapshot(before), valid, ct);
            await w.CommitAsync(ct);
        }
        await PublishIfDoneAsync(projectId, before, valid.Status, ct);
        return await GetAsync(projectId, itemId, ct);
    }

    /// <summary>
    /// Deletes an item that never took part in a started sprint. Items a started sprint counted stay, because its
    /// burndown, commitment and velocity were computed from them; those are finished or left in the backlog instead.
    /// </summary>
    public async Task DeleteAsync(long projectId, long itemId, long? version, CancellationToken ct = default)
    {
        await projects.RequireAsync(projectId, ScrumModule.Id, ct);
        await permissions.DemandAsync(projectId, ScrumModule.ManagePlan, ct);
        await using var w = await work.BeginAsync(ScrumModule.Id, projectId, ct);
        var before = await ItemStore.FindAsync(w.Connection, w.Transaction, projectId, itemId) ?? throw new NotFoundException("Item", itemId.ToString());
        WriteScope.CheckVersion(version, before.Version, "Item", $"\"{before.Title}\"");
        var inSprintHistory = await w.ScalarAsync<bool>("""
            SELECT EXISTS (SELECT 1 FROM scrum_sprint s WHERE s.id = @sprintId AND s.state <> 'Planned')
                OR EXISTS (SELECT 1 FROM scrum_item_event e JOIN scrum_sprint s ON s.id = e.sprint_id WHERE e.item_id = @itemId AND s.state <> 'Planned')
            """, new { sprintId = before.SprintId, itemId }, ct);
        if (inSprintHistory)
            throw new RuleViolationException($"\"{before.Title}\" was part of a started sprint, whose burndown and velocity count it, so it cannot be deleted. Finish it, or leave it in the backlog.");
        await w.ExecuteAsync("DELETE FROM scrum_item WHERE id = @itemId", new { itemId }, ct);
        await w.AuditAsync("item", itemId, "deleted", ItemRules.Snapshot(before), null, ct);
        await w.CommitAsync(ct);
    }

    /// <summary>
    /// Moves an item on the sprint board to <paramref name="status"/> at <paramref name="position"/> in that column
    /// (default: the bottom). The item must be in the sprint of the board.
    /// </summary>
    public async Task<BacklogItem> MoveOnBoardAsync(long projectId, long itemId, ItemStatus status, int? position, CancellationToken ct = default)
    {
        await projects.RequireAsync(projectId, ScrumModule.Id, ct);
        await permissions.DemandAsync(projectId, ScrumModule.EditItems, ct);
        if (!Enum.IsDefined(status)) throw new DomainValidationException("status", "Choose To do, In progress or Done.");
        BacklogItem before;
        await using (var w = await work.BeginAsync(ScrumModule.Id, projectId, ct))
        {
            before = await ItemStore.FindAsync(w.Connection, w.Transaction, projectId, itemId) ?? throw new NotFoundException("Item", itemId.ToString());
            if (before.SprintId is null) throw new RuleViolationException($"\"{before.Title}\" is in the backlog, not in a sprint: plan it into the sprint first.");
            var siblings = (await w.QueryAsync<long>(
                "SELECT id FROM scrum_item WHERE sprint_id = @SprintId AND status = @status AND id <> @itemId ORDER BY board_position, rank, id",
                new { before.SprintId, status = status.ToString(), itemId }, ct)).AsList();
            siblings.Insert(Math.Clamp(position ?? siblings.Count, 0, siblings.Count), itemId);
            var now = w.Stamp;
            if (before.Status != status)
            {
                await w.ExecuteAsync("""
                    UPDATE scrum_item SET status = @status, done_at = CASE WHEN @status = 'Done' THEN @now ELSE NULL END,
                           updated_at = @now, version = version + 1
                    WHERE id = @itemId
                    """, new { status = status.ToString(), now, itemId }, ct);
                await RecordChangesAsync(w, before, before.Points, status, now);
                await w.AuditAsync("item", itemId, "moved",
                    new { status = before.Status }, new { status }, ct);
            }
            await ItemStore.RenumberAsync(w.Connection, w.Transaction, "board_position", siblings);
            await w.CommitAsync(ct);
        }
        await PublishIfDoneAsync(projectId, before, status, ct);
        return await GetAsync(projectId, itemId, ct);
    }

    /// <summary>Puts a backlog item at <paramref name="index"/> (0 = top) of the backlog.</summary>
    public async Task ReorderAsync(long projectId, long itemId, int index, CancellationToken ct = default)
    {
        await projects.RequireAsync(projectId, ScrumModule.Id, ct);
        await permissions.DemandAsync(projectId, ScrumModule.ManagePlan, ct);
        await using var w = await work.BeginAsync(ScrumModule.Id, projectId, ct);
        var item = await ItemStore.FindAsync(w.Connection, w.Transaction, projectId, itemId) ?? throw new NotFoundException("Item", itemId.ToString());
        if (item.SprintId is not null) throw new RuleViolationException($"\"{item.Title}\" is planned into {item.SprintName}; only backlog items are ordered here.");
        var ids = (await w.QueryAsync<long>(
            "SELECT id FROM scrum_item WHERE project_id = @projectId AND sprint_id IS NULL ORDER BY rank, id", new { projectId }, ct)).AsList();
        var from = ids.IndexOf(itemId);
        ids.RemoveAt(from);
        var to = Math.Clamp(index, 0, ids.Count);
        ids.Insert(to, itemId);
        if (from == to) return;
        await ItemStore.RenumberAsync(w.Connection, w.Transaction, "rank", ids);
        await w.AuditAsync("item", itemId, "reordered",
            new { position = from + 1 }, new { position = to + 1 }, ct);
        await w.CommitAsync(ct);
    }

    /// <summary>Moves a backlog item one place up (<paramref name="steps"/> = −1) or down (+1).</summary>
    public async Task MoveByAsync(long projectId, long itemId, int steps, CancellationToken ct = default)
    {
        await projects.RequireAsync(projectId, ScrumModule.Id, ct);
        int index;
        await using (var connection = await connections.OpenAsync(ct))
        {
            var ids = (await connection.QueryAsync<long>(
                "SELECT id FROM scrum_item WHERE project_id = @projectId AND sprint_id IS NULL ORDER BY rank, id", new { projectId })).AsList();
            index = ids.IndexOf(itemId);
            if (index < 0) throw new NotFoundException("Backlog item", itemId.ToString());
        }
        await ReorderAsync(projectId, itemId, Math.Max(0, index + steps), ct);
    }

    /// <summary>
    /// Records what a change means for the item's sprint. In an active sprint: a re-estimate changes scope (and done,
    /// when the item was done), a status change into or out of Done changes completed points. Anywhere else the status
    /// change is kept for the item's history with no effect on a chart.
    /// </summary>
    private static async Task RecordChangesAsync(WriteScope w, BacklogItem before, decimal points, ItemStatus status, string now)
    {
        var active = await ItemStore.SprintStateAsync(w.Connection, w.Transaction, before.SprintId) == "Active";
        var by = w.ActorName;
        if (active && points != before.Points)
        {
            var delta = points - before.Points;
            await ItemStore.RecordAsync(w.Connection, w.Transaction, before.ProjectId, before.Id, before.SprintId, "Resized", before.Status, before.Status,
                delta, before.Status == ItemStatus.Done ? delta : 0, now, by);
        }
        if (status != before.Status)
        {
            var done = !active ? 0
                : status == ItemStatus.Done ? points
                : before.Status == ItemStatus.Done ? -points : 0;
            await ItemStore.RecordAsync(w.Connection, w.Transaction, before.ProjectId, before.Id, before.SprintId, "Status", before.Status, status, 0, done, now, by);
        }
    }

    private async Task PublishIfDoneAsync(long projectId, BacklogItem before, ItemStatus status, CancellationToken ct)
    {
        if (status == ItemStatus.Done && before.Status != ItemStatus.Done)
            await events.PublishAsync(new WorkCompleted(projectId, ScrumModule.Id, before.Id.ToString(), before.Title, clock.UtcNow), ct);
    }

    private static async Task<int> EndOfColumnAsync(WriteScope w, long? sprintId, ItemStatus status, CancellationToken ct) =>
        sprintId is null ? 0 : await w.ScalarAsync<int>(
            "SELECT COALESCE(MAX(board_position), -1) + 1 FROM scrum_item WHERE sprint_id = @sprintId AND status = @status",
            new { sprintId, status = status.ToString() }, ct);
}
