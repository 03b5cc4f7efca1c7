using Dapper;
using TsPmo.Scrum.Sprints;
using TsPmo.Sdk.Audit;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Ports.Directory;
using TsPmo.Sdk.Time;

namespace TsPmo.Scrum.Retros;

public enum ActionStatus { Open, InProgress, Done }

public sealed record RetroAction
{
    public long Id { get; init; }
    public long SprintId { get; init; }
    public string SprintName { get; init; } = "";
    public string Text { get; init; } = "";
    public long? OwnerPersonId { get; init; }
    public string? OwnerName { get; init; }
    public ActionStatus Status { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? DoneAt { get; init; }
    public long Version { get; init; }
}

/// <summary>
/// A sprint's retrospective: what went well, what to improve (Markdown), the actions agreed in it, and the actions of
/// earlier retrospectives that are not done yet — they are carried to every later retrospective until done.
/// </summary>
public sealed record Retro(long SprintId, string SprintName, string WentWell, string ToImprove, long Version,
    IReadOnlyList<RetroAction> Actions, IReadOnlyList<RetroAction> CarriedActions);

internal sealed record RetroRow(string WentWell, string ToImprove, long Version);

public sealed record RetroInput(string? WentWell, string? ToImprove);

public sealed record ActionInput(string? Text, long? OwnerPersonId);

public sealed class RetroService(
    IDbConnectionFactory connections,
    ScrumGuard guard,
    IProjectPermissions permissions,
    IAuditLog audit,
    IOrganizationClock clock)
{
    private const string ActionSelect = """
        SELECT a.id, a.sprint_id AS SprintId, s.name AS SprintName, a.text, a.owner_person_id AS OwnerPersonId, p.name AS OwnerName,
               a.status, a.created_at AS CreatedAt, a.done_at AS DoneAt, a.version
        FROM scrum_retro_action a JOIN scrum_sprint s ON s.id = a.sprint_id LEFT JOIN core_person p ON p.id = a.owner_person_id
        """;

    public async Task<Retro> GetAsync(long projectId, long sprintId, CancellationToken ct = default)
    {
        await guard.RequireScrumAsync(projectId, ct);
        await using var connection = await connections.OpenAsync(ct);
        var sprint = await SprintService.FindAsync(connection, null, projectId, sprintId);
        var row = await connection.QuerySingleOrDefaultAsync<RetroRow>(
            "SELECT went_well AS WentWell, to_improve AS ToImprove, version FROM scrum_retro WHERE sprint_id = @sprintId", new { sprintId });
        var actions = (await connection.QueryAsync<RetroAction>($"{ActionSelect} WHERE a.sprint_id = @sprintId ORDER BY a.id", new { sprintId })).AsList();
        // Open actions of retrospectives of earlier sprints (by start date) carry over until done.
        var carried = (await connection.QueryAsync<RetroAction>($"""
            {ActionSelect}
            WHERE a.project_id = @projectId AND a.status <> 'Done' AND a.sprint_id <> @sprintId
              AND (s.start_date < @Start OR (s.start_date = @Start AND s.id < @sprintId))
            ORDER BY s.start_date, a.id
            """, new { projectId, sprintId, sprint.Start })).AsList();
        return new Retro(sprintId, sprint.Name, row?.WentWell ?? "", row?.ToImprove ?? "", row?.Version ?? 0, actions, carried);
    }

    /// <summary>Saves the notes. <paramref name="version"/> is the version read (0 for a retro not yet written); a stale one is refused.</summary>
    public async Task<Retro> SaveAsync(long projectId, long sprintId, long version, RetroInput input, CancellationToken ct = default)
    {
        await guard.RequireScrumAsync(projectId, ct);
        await permissions.DemandAsync(projectId, ScrumModule.EditRetros, ct);
        var errors = new Dictionary<string, string[]>();
        if ((input.WentWell?.Length ?? 0) > 20_000) errors["wentWell"] = ["Limited to 20,000 characters."];
        if ((input.ToImprove?.Length ?? 0) > 20_000) errors["toImprove"] = ["Limited to 20,000 characters."];
        if (errors.Count > 0) throw new DomainValidationException(errors);
        await using var connection = await connections.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var sprint = await SprintService.FindAsync(connection, tx, projectId, sprintId);
        var before = await connection.QuerySingleOrDefaultAsync<RetroRow>(
            "SELECT went_well AS WentWell, to_improve AS ToImprove, version FROM scrum_retro WHERE sprint_id = @sprintId", new { sprintId }, tx);
        var now = StoredTime.Format(clock.UtcNow);
        if (before is null)
        {
            if (version != 0) throw new ConcurrencyConflictException("Retrospective of", sprint.Name);
            await connection.ExecuteAsync("""
                INSERT INTO scrum_retro (project_id, sprint_id, went_well, to_improve, updated_at, version) VALUES (@projectId, @sprintId, @w, @i, @now, 1)
                """, new { projectId, sprintId, w = input.WentWell ?? "", i = input.ToImprove ?? "", now }, tx);
        }
        else
        {
            var rows = await connection.ExecuteAsync("""
                UPDATE scrum_retro SET went_well = @w, to_improve = @i, updated_at = @now, version = version + 1 WHERE sprint_id = @sprintId AND version = @version
                """, new { w = input.WentWell ?? "", i = input.ToImprove ?? "", now, sprintId, version }, tx);
            if (rows != 1) throw new ConcurrencyConflictException("Retrospective of", sprint.Name);
        }
        await audit.WriteAsync(connection, tx, new AuditEntry(ScrumModule.Id, "retro", sprintId.ToString(), before is null ? "created" : "updated",
            before is { } b ? new RetroInput(b.WentWell, b.ToImprove) : null, input) { ProjectId = projectId }, ct);
        await tx.CommitAsync(ct);
        return await GetAsync(projectId, sprintId, ct);
    }

    public async Task<RetroAction> AddActionAsync(long projectId, long sprintId, ActionInput input, CancellationToken ct = default)
    {
        await guard.RequireScrumAsync(projectId, ct);
        await permissions.DemandAsync(projectId, ScrumModule.EditRetros, ct);
        var text = input.Text?.Trim() ?? "";
        if (text.Length is 0 or > 500) throw new DomainValidationException("text", "Describe the action in 1 to 500 characters.");
        await using var connection = await connections.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await SprintService.FindAsync(connection, tx, projectId, sprintId);
        if (input.OwnerPersonId is { } owner && !await connection.ExecuteScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM core_person WHERE id = @owner)", new { owner }, tx))
            throw new DomainValidationException("ownerPersonId", $"There is no person {owner} in the directory.");
        var id = await connection.ExecuteScalarAsync<long>("""
            INSERT INTO scrum_retro_action (project_id, sprint_id, text, owner_person_id, status, created_at, version)
            VALUES (@projectId, @sprintId, @text, @owner, 'Open', @now, 1) RETURNING id
            """, new { projectId, sprintId, text, owner = input.OwnerPersonId, now = StoredTime.Format(clock.UtcNow) }, tx);
        await audit.WriteAsync(connection, tx, new AuditEntry(ScrumModule.Id, "retro-action", id.ToString(), "created", null, input) { ProjectId = projectId }, ct);
        await tx.CommitAsync(ct);
        return await connection.QuerySingleAsync<RetroAction>($"{ActionSelect} WHERE a.id = @id", new { id });
    }

    /// <summary>Sets an action's status (any retro of the project), refusing a stale <paramref name="version"/> when one is given.</summary>
    public async Task<RetroAction> SetActionStatusAsync(long projectId, long actionId, ActionStatus status, long? version, CancellationToken ct = default)
    {
        await guard.RequireScrumAsync(projectId, ct);
        await permissions.DemandAsync(projectId, ScrumModule.EditRetros, ct);
        if (!Enum.IsDefined(status)) throw new DomainValidationException("status", "Choose Open, InProgress or Done.");
        await using var connection = await connections.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var before = await connection.QuerySingleOrDefaultAsync<RetroAction>($"{ActionSelect} WHERE a.id = @actionId AND a.project_id = @projectId", new { actionId, projectId }, tx)
            ?? throw new NotFoundException("Retrospective action", actionId.ToString());
        var now = StoredTime.Format(clock.UtcNow);
        var rows = await connection.ExecuteAsync("""
            UPDATE scrum_retro_action SET status = @status, done_at = CASE WHEN @status = 'Done' THEN @now ELSE NULL END, version = version + 1
            WHERE id = @actionId AND version = @v
            """, new { status = status.ToString(), now, actionId, v = version ?? before.Version }, tx);
        if (rows != 1) throw new ConcurrencyConflictException("Action", $"\"{before.Text}\"");
        await audit.WriteAsync(connection, tx, new AuditEntry(ScrumModule.Id, "retro-action", actionId.ToString(), "status",
            new { status = before.Status }, new { status }) { ProjectId = projectId }, ct);
        await tx.CommitAsync(ct);
        return await connection.QuerySingleAsync<RetroAction>($"{ActionSelect} WHERE a.id = @actionId", new { actionId });
    }
}
