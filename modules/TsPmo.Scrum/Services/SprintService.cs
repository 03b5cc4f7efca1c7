using System.Data.Common;
using Dapper;
using TsPmo.Sdk.Audit;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Forecasting;
using TsPmo.Sdk.Ports.Directory;
using TsPmo.Sdk.Security;
using TsPmo.Sdk.Time;
using TsPmo.Scrum.Data;
using TsPmo.Scrum.Domain;
using TsPmo.Scrum.Engine;

namespace TsPmo.Scrum.Services;

/// <summary>
/// Sprints of a Scrum project: created as planned, filled from the backlog, started (one active sprint per project;
/// the commitment is recorded), completed once (unfinished items go back to the backlog or into the next planned
/// sprint). Scope changes while a sprint is active are recorded for the burndown.
/// </summary>
public sealed class SprintService(
    IDbConnectionFactory connections,
    IUnitOfWork work,
    IProjectDirectory projects,
    IPeopleDirectory people,
    IProjectPermissions permissions,
    IOrganizationClock clock,
    ForecastRandom forecastRandom)
{
    private const string Select = """
        SELECT s.id, s.project_id AS ProjectId, s.name, s.goal, s.start_date AS "Start", s.end_date AS "End", s.capacity_points AS CapacityPoints,
               s.state, s.started_at AS StartedAt, s.completed_at AS CompletedAt, s.committed_points AS CommittedPoints,
               s.completed_points AS CompletedPoints, s.unfinished_to AS UnfinishedTo, s.version,
               COALESCE(t.planned, 0.0) AS PlannedPoints, COALESCE(t.done, 0.0) AS DonePoints, COALESCE(t.items, 0) AS ItemCount
        FROM scrum_sprint s
        LEFT JOIN (SELECT sprint_id, SUM(points) AS planned, SUM(CASE WHEN status = 'Done' THEN points ELSE 0.0 END) AS done, COUNT(*) AS items
                   FROM scrum_item WHERE project_id = @projectId AND sprint_id IS NOT NULL GROUP BY sprint_id) t ON t.sprint_id = s.id
        """;

    public async Task<IReadOnlyList<Sprint>> ListAsync(long projectId, CancellationToken ct = default)
    {
        await projects.RequireAsync(projectId, ScrumModule.Id, ct);
        await using var connection = await connections.OpenAsync(ct);
        return await ListAsync(connection, null, projectId);
    }

    internal static async Task<IReadOnlyList<Sprint>> ListAsync(DbConnection connection, DbTransaction? tx, long projectId) =>
        (await connection.QueryAsync<Sprint>($"{Select} WHERE s.project_id = @projectId ORDER BY s.start_date, s.id", new { projectId }, tx)).AsList();

    public async Task<Sprint> GetAsync(long projectId, long sprintId, CancellationToken ct = default)
    {
        await projects.RequireAsync(projectId, ScrumModule.Id, ct);
        await using var connection = await connections.OpenAsync(ct);
        return await FindAsync(connection, null, projectId, sprintId);
    }

    public async Task<Sprint?> ActiveAsync(long projectId, CancellationToken ct = default)
    {
        await projects.RequireAsync(projectId, ScrumModule.Id, ct);
        await using var connection = await connections.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<Sprint>($"{Select} WHERE s.project_id = @projectId AND s.state = 'Active'", new { projectId });
    }

    public async Task<IReadOnlyList<BacklogItem>> ItemsAsync(long projectId, long sprintId, CancellationToken ct = default)
    {
        await projects.RequireAsync(projectId, ScrumModule.Id, ct);
        await using var connection = await connections.OpenAsync(ct);
        await FindAsync(connection, null, projectId, sprintId);
        return await ItemStore.NamedAsync(people, await ItemStore.SprintItemsAsync(connection, null, projectId, sprintId), ct);
    }

    public async Task<Sprint> CreateAsync(long projectId, SprintInput input, CancellationToken ct = default)
    {
        await projects.RequireAsync(projectId, ScrumModule.Id, ct);
        await permissions.DemandAsync(projectId, ScrumModule.ManagePlan, ct);
        var valid = SprintRules.Validate(input);
        await using var w = await work.BeginAsync(ScrumModule.Id, projectId, ct);
        var now = w.Stamp;
        var id = await w.ScalarAsync<long>("""
            INSERT INTO scrum_sprint (project_id, name, goal, start_date, end_date, capacity_points, state, created_at, updated_at, version)
            VALUES (@projectId, @Name, @Goal, @Start, @End, @capacity, 'Planned', @now, @now, 1)
            RETURNING id
            """, new { projectId, valid.Name, valid.Goal, valid.Start, valid.End, capacity = (double)valid.CapacityPoints!.Value, now }, ct);
        await w.AuditAsync("sprint", id, "created", null, valid, ct);
        await w.CommitAsync(ct);
        return await GetAsync(projectId, id, ct);
    }

    public async Task<Sprint> UpdateAsync(long projectId, long sprintId, long version, SprintInput input, CancellationToken ct = default)
    {
        await projects.RequireAsync(projectId, ScrumModule.Id, ct);
        await permissions.DemandAsync(projectId, ScrumModule.ManagePlan, ct);
        var valid = SprintRules.Validate(input);
        await using var w = await work.BeginAsync(ScrumModule.Id, projectId, ct);
        var before = await FindAsync(w.Connection, w.Transaction, projectId, sprintId);
        if (before.State == SprintState.Completed) throw new RuleViolationException($"{before.Name} is completed; its record is kept as it was.");
        await w.ExecuteVersionedAsync("""
            UPDATE scrum_sprint SET name = @Name, goal = @Goal, start_date = @Start, end_date = @End, capacity_points = @capacity,
                   updated_at = @now, version = version + 1
            WHERE id = @sprintId AND version = @version
            """, new { valid.Name, valid.Goal, valid.Start, valid.End, capacity = (double)valid.CapacityPoints!.Value, now = w.Stamp, sprintId, version }, "Sprint", before.Name, ct);
        await w.AuditAsync("sprint", sprintId, "updated",
            new SprintInput { Name = before.Name, Goal = before.Goal, Start = before.Start, End = before.End, CapacityPoints = before.CapacityPoints }, valid, ct);
        await w.CommitAsync(ct);
        return await FindAsync(w.Connection, null, projectId, sprintId);
    }

    /// <summary>
    /// Plans a backlog item (or an item of another open sprint) into the sprint. An item of another project, a done item
    /// or a completed sprint is refused and nothing changes. Added to an active sprint, it is recorded as added scope.
    /// </summary>
    public async Task<BacklogItem> AddItemAsync(long projectId, long sprintId, long itemId, CancellationToken ct = default)
    {
        await projects.RequireAsync(projectId, ScrumModule.Id, ct);
        await permissions.DemandAsync(projectId, ScrumModule.ManagePlan, ct);
        await using var w = await work.BeginAsync(ScrumModule.Id, projectId, ct);
        var sprint = await FindAsync(w.Connection, w.Transaction, projectId, sprintId);
        var item = await ItemStore.FindAsync(w.Connection, w.Transaction, projectId, itemId)
            ?? throw new DomainValidationException("itemId", $"There is no item {itemId} in this project's backlog.");
        if (item.SprintId == sprintId) return (await ItemStore.NamedAsync(people, [item], ct))[0];
        if (sprint.State == SprintState.Completed) throw new RuleViolationException($"{sprint.Name} is completed: it takes no more items.");
        if (item.Status == ItemStatus.Done) throw new RuleViolationException($"\"{item.Title}\" is already done.");
        var from = item.SprintId is { } fromId ? await FindAsync(w.Connection, w.Transaction, projectId, fromId) : null;
        if (from?.State == SprintState.Completed) throw new RuleViolationException($"\"{item.Title}\" belongs to the completed {from.Name}.");

        var now = w.Stamp;
        if (from?.State == SprintState.Active)
            await ItemStore.RecordAsync(w.Connection, w.Transaction, projectId, itemId, from.Id, "Removed", item.Status, item.Status, -item.Points, 0, now, w.ActorName);
        if (sprint.State == SprintState.Active)
            await ItemStore.RecordAsync(w.Connection, w.Transaction, projectId, itemId, sprintId, "Added", item.Status, item.Status, item.Points, 0, now, w.ActorName);
        await w.ExecuteAsync("""
            UPDATE scrum_item SET sprint_id = @sprintId, updated_at = @now, version = version + 1,
                   board_position = (SELECT COALESCE(MAX(board_position), -1) + 1 FROM scrum_item WHERE sprint_id = @sprintId AND status = @status)
            WHERE id = @itemId
            """, new { sprintId, now, itemId, status = item.Status.ToString() }, ct);
        await w.AuditAsync("item", itemId, "planned",
            new { sprint = from?.Name }, new { sprint = sprint.Name }, ct);
        await w.CommitAsync(ct);
        return (await ItemStore.NamedAsync(people, [(await ItemStore.FindAsync(w.Connection, null, projectId, itemId))!], ct))[0];
    }

    /// <summary>Takes an item out of an open sprint, back to the top of the backlog. From an active sprint it is recorded as removed scope.</summary>
    public async Task<BacklogItem> RemoveItemAsync(long projectId, long sprintId, long itemId, CancellationToken ct = default)
    {
        await projects.RequireAsync(projectId, ScrumModule.Id, ct);
        await permissions.DemandAsync(projectId, ScrumModule.ManagePlan, ct);
        await using var w = await work.BeginAsync(ScrumModule.Id, projectId, ct);
        var sprint = await FindAsync(w.Connection, w.Transaction, projectId, sprintId);
        var item = await ItemStore.FindAsync(w.Connection, w.Transaction, projectId, itemId);
        if (item is null || item.SprintId != sprintId) throw new NotFoundException($"Item in {sprint.Name}", itemId.ToString());
        if (sprint.State == SprintState.Completed) throw new RuleViolationException($"{sprint.Name} is completed; its record is kept as it was.");
        var now = w.Stamp;
        if (sprint.State == SprintState.Active)
            await ItemStore.RecordAsync(w.Connection, w.Transaction, projectId, itemId, sprintId, "Removed", item.Status, item.Status,
                -item.Points, item.Status == ItemStatus.Done ? -item.Points : 0, now, w.ActorName);
        await w.ExecuteAsync("""
            UPDATE scrum_item SET sprint_id = NULL, updated_at = @now, version = version + 1,
                   rank = (SELECT COALESCE(MIN(rank), 1) - 1 FROM scrum_item WHERE project_id = @projectId AND sprint_id IS NULL)
            WHERE id = @itemId
            """, new { now, itemId, projectId }, ct);
        await w.AuditAsync("item", itemId, "unplanned",
            new { sprint = sprint.Name }, new { sprint = (string?)null }, ct);
        await w.CommitAsync(ct);
        return (await ItemStore.NamedAsync(people, [(await ItemStore.FindAsync(w.Connection, null, projectId, itemId))!], ct))[0];
    }

    /// <summary>
    /// Starts a planned sprint: refused (409) while another sprint of the project is active, or when this one has already
    /// run. The commitment (points in the sprint now) is stored and each item recorded as committed scope.
    /// </summary>
    public async Task<Sprint> StartAsync(long projectId, long sprintId, CancellationToken ct = default)
    {
        await projects.RequireAsync(projectId, ScrumModule.Id, ct);
        await permissions.DemandAsync(projectId, ScrumModule.ManagePlan, ct);
        await using var w = await work.BeginAsync(ScrumModule.Id, projectId, ct);
        var sprint = await FindAsync(w.Connection, w.Transaction, projectId, sprintId);
        if (sprint.State == SprintState.Active) throw new RuleViolationException($"{sprint.Name} is already active.");
        if (sprint.State == SprintState.Completed) throw new RuleViolationException($"{sprint.Name} is completed; a sprint runs once.");
        var active = await w.ScalarAsync<string?>(
            "SELECT name FROM scrum_sprint WHERE project_id = @projectId AND state = 'Active'", new { projectId }, ct);
        if (active is not null) throw new RuleViolationException($"{active} is active: complete it before starting {sprint.Name}. A project runs one sprint at a time.");

        var items = await ItemStore.SprintItemsAsync(w.Connection, w.Transaction, projectId, sprintId);
        var committed = items.Sum(i => i.Points);
        var now = w.Stamp;
        try
        {
            await w.ExecuteAsync("""
                UPDATE scrum_sprint SET state = 'Active', started_at = @now, committed_points = @committed, updated_at = @now, version = version + 1
                WHERE id = @sprintId
                """, new { now, committed = (double)committed, sprintId }, ct);
        }
        catch (DbException ex) when (ex.Message.Contains("UNIQUE", StringComparison.OrdinalIgnoreCase))
        {
            throw new RuleViolationException($"Another sprint was started meanwhile: complete it before starting {sprint.Name}.");
        }
        foreach (var item in items)
            await ItemStore.RecordAsync(w.Connection, w.Transaction, projectId, item.Id, sprintId, "Committed", item.Status, item.Status,
                item.Points, item.Status == ItemStatus.Done ? item.Points : 0, now, w.ActorName);
        await w.AuditAsync("sprint", sprintId, "started",
            new { state = sprint.State }, new { state = SprintState.Active, committedPoints = committed, items = items.Count }, ct);
        await w.CommitAsync(ct);
        return await FindAsync(w.Connection, null, projectId, sprintId);
    }

    /// <summary>
    /// Completes the active sprint once (a second time is refused with 409): records the completed points, and sends the
    /// unfinished items to the top of the backlog, in their order, or into the next planned sprint.
    /// </summary>
    public async Task<Sprint> CompleteAsync(long projectId, long sprintId, UnfinishedTarget target, CancellationToken ct = default)
    {
        await projects.RequireAsync(projectId, ScrumModule.Id, ct);
        await permissions.DemandAsync(projectId, ScrumModule.ManagePlan, ct);
        if (!Enum.IsDefined(target)) throw new DomainValidationException("unfinishedTo", "Choose Backlog or NextSprint for the unfinished items.");
        await using var w = await work.BeginAsync(ScrumModule.Id, projectId, ct);
        var sprint = await FindAsync(w.Connection, w.Transaction, projectId, sprintId);
        if (sprint.State == SprintState.Completed) throw new RuleViolationException($"{sprint.Name} is already completed.");
        if (sprint.State == SprintState.Planned) throw new RuleViolationException($"{sprint.Name} has not started: start it before completing it.");
        Sprint? next = null;
        if (target == UnfinishedTarget.NextSprint)
        {
            next = (await ListAsync(w.Connection, w.Transaction, projectId)).FirstOrDefault(s => s.State == SprintState.Planned)
                ?? throw new DomainValidationException("unfinishedTo", "There is no planned sprint to take the unfinished items: create one, or send them to the backlog.");
        }
        var items = await ItemStore.SprintItemsAsync(w.Connection, w.Transaction, projectId, sprintId);
        var unfinished = items.Where(i => i.Status != ItemStatus.Done).OrderBy(i => i.Rank).ThenBy(i => i.Id).ToList();
        var completed = items.Where(i => i.Status == ItemStatus.Done).Sum(i => i.Points);
        var now = w.Stamp;
        if (next is null)
        {
            var top = await w.ScalarAsync<int>(
                "SELECT COALESCE(MIN(rank), 0) FROM scrum_item WHERE project_id = @projectId AND sprint_id IS NULL", new { projectId }, ct);
            await w.ExecuteAsync("UPDATE scrum_item SET sprint_id = NULL, rank = @rank, updated_at = @now, version = version + 1 WHERE id = @Id",
                unfinished.Select((i, n) => new { rank = top - unfinished.Count + n, now, i.Id }), ct);
        }
        else
        {
            await w.ExecuteAsync("UPDATE scrum_item SET sprint_id = @next, updated_at = @now, version = version + 1 WHERE id = @Id",
                unfinished.Select(i => new { next = next.Id, now, i.Id }), ct);
        }
        foreach (var item in unfinished)
            await ItemStore.RecordAsync(w.Connection, w.Transaction, projectId, item.Id, sprintId, "CarriedOver", item.Status, item.Status, 0, 0, now, w.ActorName);
        var rows = await w.ExecuteAsync("""
            UPDATE scrum_sprint SET state = 'Completed', completed_at = @now, completed_points = @completed, unfinished_to = @to,
                   updated_at = @now, version = version + 1
            WHERE id = @sprintId AND state = 'Active'
            """, new { now, completed = (double)completed, to = next?.Name ?? "Backlog", sprintId }, ct);
        if (rows != 1) throw new RuleViolationException($"{sprint.Name} is already completed.");
        await w.AuditAsync("sprint", sprintId, "completed",
            new { state = sprint.State },
            new { state = SprintState.Completed, completedPoints = completed, unfinished = unfinished.Count, unfinishedTo = next?.Name ?? "Backlog" }, ct);
        await w.CommitAsync(ct);
        return await FindAsync(w.Connection, null, projectId, sprintId);
    }

    /// <summary>
    /// The sprint's burndown and burnup from its recorded changes (see <see cref="BurndownCalculator"/>). The commitment
    /// counts from the sprint's first day even when the sprint was started later that week.
    /// </summary>
    public async Task<Burndown> BurndownAsync(long projectId, long sprintId, CancellationToken ct = default)
    {
        await projects.RequireAsync(projectId, ScrumModule.Id, ct);
        await using var connection = await connections.OpenAsync(ct);
        var sprint = await FindAsync(connection, null, projectId, sprintId);
        var changes = (await connection.QueryAsync<(string At, double Scope, double Done)>("""
            SELECT CASE WHEN kind = 'Committed' THEN @startOfSprint ELSE at END, scope_delta, done_delta FROM scrum_item_event
            WHERE sprint_id = @sprintId AND (scope_delta <> 0 OR done_delta <> 0)
            """, new { sprintId, startOfSprint = "0001-01-01T00:00:00.0000000Z" })).Select(c => new ScopeChange(DateTimeOffset.Parse(c.At, System.Globalization.CultureInfo.InvariantCulture),
                (decimal)c.Scope, (decimal)c.Done)).ToList();
        return Compute(sprint, changes);
    }

    internal Burndown Compute(Sprint sprint, IReadOnlyList<ScopeChange> changes)
    {
        var lastKnown = sprint.State switch
        {
            SprintState.Planned => sprint.Start.AddDays(-1),
            SprintState.Active => Clamp(clock.Today, sprint.Start, sprint.End),
            _ => sprint.End,
        };
        var committed = sprint.CommittedPoints ?? sprint.PlannedPoints;
        return BurndownCalculator.Compute(sprint.Start, sprint.End, committed, changes, clock.TimeZone, lastKnown);
    }

    /// <summary>Committed against completed points of every completed sprint, and the release forecast.</summary>
    public async Task<VelocityView> VelocityAsync(long projectId, CancellationToken ct = default)
    {
        await projects.RequireAsync(projectId, ScrumModule.Id, ct);
        await using var connection = await connections.OpenAsync(ct);
        var sprints = await ListAsync(connection, null, projectId);
        var completed = sprints.Where(s => s.State == SprintState.Completed).OrderBy(s => s.End).ThenBy(s => s.Id)
            .Select(s => new VelocitySprint(s.Id, s.Name, s.Start, s.End, s.CommittedPoints ?? 0, s.CompletedPoints ?? 0)).ToList();
        var remaining = await connection.ExecuteScalarAsync<double>(
            "SELECT COALESCE(SUM(points), 0.0) FROM scrum_item WHERE project_id = @projectId AND status <> 'Done'", new { projectId });
        var reference = sprints.FirstOrDefault(s => s.State == SprintState.Active) ?? sprints.LastOrDefault(s => s.State == SprintState.Completed);
        var length = reference?.LengthDays ?? 14;
        var active = sprints.FirstOrDefault(s => s.State == SprintState.Active);
        return new VelocityView(completed, Velocity.AverageOfLast(completed.Select(c => c.Completed).ToList()),
            Forecast(completed.Select(c => c.Completed).ToList(), (decimal)remaining, active?.Start ?? clock.Today, length));
    }

    internal ReleaseForecastView Forecast(IReadOnlyList<decimal> velocities, decimal remaining, DateOnly from, int sprintLength)
    {
        var forecast = new ReleaseForecaster(forecastRandom.Create()).SprintsNeeded(velocities, remaining);
        DateOnly? DateAfter(int? sprints) => sprints is { } n && n > 0 ? from.AddDays(n * sprintLength - 1) : null;
        var note = remaining == 0 ? "Nothing is left to do."
            : velocities.Count == 0 ? "No sprint has been completed yet: the forecast needs at least one completed sprint's velocity."
            : forecast is null ? "The completed sprints finished no points, so there is no velocity to forecast from."
            : null;
        return new ReleaseForecastView(remaining, velocities.Count, forecast?.P50, forecast?.P85, forecast?.P95,
            DateAfter(forecast?.P50), DateAfter(forecast?.P85), DateAfter(forecast?.P95), sprintLength, note);
    }

    internal static async Task<Sprint> FindAsync(DbConnection connection, DbTransaction? tx, long projectId, long sprintId) =>
        await connection.QuerySingleOrDefaultAsync<Sprint>($"{Select} WHERE s.project_id = @projectId AND s.id = @sprintId", new { projectId, sprintId }, tx)
        ?? throw new NotFoundException("Sprint", sprintId.ToString());

    private static DateOnly Clamp(DateOnly value, DateOnly min, DateOnly max) => value < min ? min : value > max ? max : value;

}
