using Dapper;
using TsPmo.Sdk.Audit;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Ports.Directory;
using TsPmo.Sdk.Time;
using TsPmo.Scrum.Domain;

namespace TsPmo.Scrum.Services;

/// <summary>Retrospectives of a Scrum project's sprints: notes (versioned) and actions carried until done.</summary>
public sealed class RetroService(
    IDbConnectionFactory connections,
    IUnitOfWork work,
    IProjectDirectory projects,
    IPeopleDirectory people,
    IProjectPermissions permissions)
{
    private const string ActionSelect = """
        SELECT a.id, a.sprint_id AS SprintId, s.name AS SprintName, a.text, a.owner_person_id AS OwnerPersonId,
               a.status, a.created_at AS CreatedAt, a.done_at AS DoneAt, a.version
        FROM scrum_retro_action a JOIN scrum_sprint s ON s.id = a.sprint_id
        """;

    public async Task<Retro> GetAsync(long projectId, long sprintId, CancellationToken ct = default)
    {
        await projects.RequireAsync(projectId, ScrumModule.Id, ct);
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
        return new Retro(sprintId, sprint.Name, row?.WentWell ?? "", row?.ToImprove ?? "", row?.Version ?? 0,
            await NamedAsync(actions, ct), await NamedAsync(carried, ct));
    }

    /// <summary>Saves the notes. <paramref name="version"/> is the version read (0 for a retro not yet written); a stale one is refused.</summary>
    public async Task<Retro> SaveAsync(long projectId, long sprintId, long version, RetroInput input, CancellationToken ct = default)
    {
        await projects.RequireAsync(projectId, ScrumModule.Id, ct);
        await permissions.DemandAsync(projectId, ScrumModule.EditRetros, ct);
        var errors = new Dictionary<string, string[]>();
        if ((input.WentWell?.Length ?? 0) > 20_000) errors["wentWell"] = ["Limited to 20,000 characters."];
        if ((input.ToImprove?.Length ?? 0) > 20_000) errors["toImprove"] = ["Limited to 20,000 characters."];
        if (errors.Count > 0) throw new DomainValidationException(errors);
        await using var w = await work.BeginAsync(ScrumModule.Id, projectId, ct);
        var sprint = await SprintService.FindAsync(w.Connection, w.Transaction, projectId, sprintId);
        var before = await w.SingleOrDefaultAsync<RetroRow>(
            "SELECT went_well AS WentWell, to_improve AS ToImprove, version FROM scrum_retro WHERE sprint_id = @sprintId", new { sprintId }, ct);
        var now = w.Stamp;
        if (before is null)
        {
            if (version != 0) throw new ConcurrencyConflictException("Retrospective of", sprint.Name);
            await w.ExecuteAsync("""
                INSERT INTO scrum_retro (project_id, sprint_id, went_well, to_improve, updated_at, version) VALUES (@projectId, @sprintId, @w, @i, @now, 1)
                """, new { projectId, sprintId, w = input.WentWell ?? "", i = input.ToImprove ?? "", now }, ct);
        }
        else
        {
            await w.ExecuteVersionedAsync("""
                UPDATE scrum_retro SET went_well = @w, to_improve = @i, updated_at = @now, version = version + 1 WHERE sprint_id = @sprintId AND version = @version
                """, new { w = input.WentWell ?? "", i = input.ToImprove ?? "", now, sprintId, version }, "Retrospective of", sprint.Name, ct);
        }
        await w.AuditAsync("retro", sprintId, before is null ? "created" : "updated",
            before is { } b ? new RetroInput(b.WentWell, b.ToImprove) : null, input, ct);
        await w.CommitAsync(ct);
        return await GetAsync(projectId, sprintId, ct);
    }

    public async Task<RetroAction> AddActionAsync(long projectId, long sprintId, ActionInput input, CancellationToken ct = default)
    {
        await projects.RequireAsync(projectId, ScrumModule.Id, ct);
        await permissions.DemandAsync(projectId, ScrumModule.EditRetros, ct);
        var text = input.Text?.Trim() ?? "";
        if (text.Length is 0 or > 500) throw new DomainValidationException("text", "Describe the action in 1 to 500 characters.");
        await using var w = await work.BeginAsync(ScrumModule.Id, projectId, ct);
        await SprintService.FindAsync(w.Connection, w.Transaction, projectId, sprintId);
        await people.RequirePersonAsync(input.OwnerPersonId, "ownerPersonId", ct);
        var id = await w.ScalarAsync<long>("""
            INSERT INTO scrum_retro_action (project_id, sprint_id, text, owner_person_id, status, created_at, version)
            VALUES (@projectId, @sprintId, @text, @owner, 'Open', @now, 1) RETURNING id
            """, new { projectId, sprintId, text, owner = input.OwnerPersonId, now = w.Stamp }, ct);
        await w.AuditAsync("retro-action", id, "created", null, input, ct);
        await w.CommitAsync(ct);
        return await ActionAsync(w, id, ct);
    }

    /// <summary>Sets an action's status (any retro of the project), refusing a stale <paramref name="version"/> when one is given.</summary>
    public async Task<RetroAction> SetActionStatusAsync(long projectId, long actionId, ActionStatus status, long? version, CancellationToken ct = default)
    {
        await projects.RequireAsync(projectId, ScrumModule.Id, ct);
        await permissions.DemandAsync(projectId, ScrumModule.EditRetros, ct);
        if (!Enum.IsDefined(status)) throw new DomainValidationException("status", "Choose Open, InProgress or Done.");
        await using var w = await work.BeginAsync(ScrumModule.Id, projectId, ct);
        var before = await w.SingleOrDefaultAsync<RetroAction>($"{ActionSelect} WHERE a.id = @actionId AND a.project_id = @projectId", new { actionId, projectId }, ct)
            ?? throw new NotFoundException("Retrospective action", actionId.ToString());
        var now = w.Stamp;
        await w.ExecuteVersionedAsync("""
            UPDATE scrum_retro_action SET status = @status, done_at = CASE WHEN @status = 'Done' THEN @now ELSE NULL END, version = version + 1
            WHERE id = @actionId AND version = @v
            """, new { status = status.ToString(), now, actionId, v = version ?? before.Version }, "Action", $"\"{before.Text}\"", ct);
        await w.AuditAsync("retro-action", actionId, "status",
            new { status = before.Status }, new { status }, ct);
        await w.CommitAsync(ct);
        return await ActionAsync(w, actionId, ct);
    }

    /// <summary>The action as saved, read once its write is committed.</summary>
    private async Task<RetroAction> ActionAsync(WriteScope w, long actionId, CancellationToken ct) =>
        (await NamedAsync([await w.Connection.QuerySingleAsync<RetroAction>($"{ActionSelect} WHERE a.id = @actionId", new { actionId })], ct))[0];

    /// <summary>Fills in the owners' names from the people directory (this module reads no core table).</summary>
    private async Task<IReadOnlyList<RetroAction>> NamedAsync(IReadOnlyList<RetroAction> actions, CancellationToken ct)
    {
        var ids = actions.Where(a => a.OwnerPersonId is not null).Select(a => a.OwnerPersonId!.Value).Distinct().ToList();
        if (ids.Count == 0) return actions;
        var names = await people.FindManyAsync(ids, ct);
        return actions.Select(a => a.OwnerPersonId is { } o && names.TryGetValue(o, out var person) ? a with { OwnerName = person.Name } : a).ToList();
    }
}
