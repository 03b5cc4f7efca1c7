using System.Globalization;
using Dapper;
using TsPmo.Risk.Data;
using TsPmo.Risk.Domain;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Ports.Directory;
using TsPmo.Sdk.Ports.Events;
using TsPmo.Sdk.Security;
using TsPmo.Sdk.Time;

namespace TsPmo.Risk.Services;

/// <summary>
/// The risk register of every project: risks recorded and reassessed under a version check, every (re)assessment
/// appended to the history, mitigation actions, reviews and closing; every change audited in its own unit of work.
/// Project and owner names come from the directory, beside the module's own rows.
/// </summary>
public sealed class RiskService(
    IDbConnectionFactory connections,
    IUnitOfWork work,
    IProjectDirectory projects,
    IPeopleDirectory people,
    IProjectPermissions permissions,
    ICurrentUser user,
    IOrganizationClock clock,
    IDomainEventPublisher events,
    RiskMatrixService matrices)
{
    public const int MaxPageSize = 500;

    public Task<ProjectInfo> RequireProjectAsync(long projectId, CancellationToken ct = default) => projects.RequireAsync(projectId, null, ct);

    public async Task<RiskEntry> FindAsync(long projectId, long riskId, CancellationToken ct = default)
    {
        var matrix = await matrices.GetAsync(ct);
        await using var connection = await connections.OpenAsync(ct);
        var risk = await RiskStore.RiskAsync(connection, null, projectId, riskId) ?? throw new NotFoundException("Risk", riskId.ToString(CultureInfo.InvariantCulture));
        return (await NamedAsync([risk.Rated(matrix)], ct))[0];
    }

    public async Task<RiskDetail> GetAsync(long projectId, long riskId, CancellationToken ct = default)
    {
        var risk = await FindAsync(projectId, riskId, ct);
        await using var connection = await connections.OpenAsync(ct);
        return new RiskDetail(risk, await RiskStore.AssessmentsAsync(connection, null, riskId),
            await NamedAsync(await RiskStore.ActionsAsync(connection, null, riskId), ct));
    }

    /// <summary>Every risk of a project, highest score first.</summary>
    public async Task<IReadOnlyList<RiskEntry>> ListAsync(long projectId, CancellationToken ct = default)
    {
        await RequireProjectAsync(projectId, ct);
        return (await SearchAsync(new RiskQuery { ProjectId = projectId, PageSize = int.MaxValue }, ct)).Items;
    }

    /// <summary>A page of the portfolio's risks matching <paramref name="query"/>, highest score first.</summary>
    public async Task<RiskPage> SearchAsync(RiskQuery query, CancellationToken ct = default) =>
        await SearchEveryProjectAsync(query with { HiddenProjects = (await permissions.ReadScopeAsync(ct)).Hidden }, ct);

    /// <summary>
    /// The same search over every project whoever asks: for organization-wide figures built once and cached (health
    /// signals), which their consumers filter per reader. Never hand its answer to a user as it is.
    /// </summary>
    public async Task<RiskPage> SearchEveryProjectAsync(RiskQuery query, CancellationToken ct = default)
    {
        var q = query with { Page = Math.Max(1, query.Page), PageSize = query.PageSize == int.MaxValue ? int.MaxValue : Math.Clamp(query.PageSize, 1, MaxPageSize) };
        var matrix = await matrices.GetAsync(ct);
        var cells = q.Level is { } level ? matrix.CellsOf(level).Select(c => c.Probability * 10 + c.Impact).ToList() : [];
        await using var connection = await connections.OpenAsync(ct);
        var page = await RiskStore.SearchAsync(connection, q, cells);
        return page with { Items = await NamedAsync(page.Items.Select(r => r.Rated(matrix)).ToList(), ct) };
    }

    /// <summary>The <paramref name="count"/> live risks of the portfolio (or of one project) with the highest residual score, then score.</summary>
    public async Task<IReadOnlyList<RiskEntry>> TopAsync(long? projectId, int count, CancellationToken ct = default)
    {
        var matrix = await matrices.GetAsync(ct);
        await using var connection = await connections.OpenAsync(ct);
        var hidden = (await permissions.ReadScopeAsync(ct)).Hidden;
        return await NamedAsync((await RiskStore.TopAsync(connection, projectId, count, hidden)).Select(r => r.Rated(matrix)).ToList(), ct);
    }

    public async Task<RiskEntry> CreateAsync(long projectId, RiskInput input, CancellationToken ct = default)
    {
        await RequireEditAsync(projectId, ct);
        var valid = RiskRules.Validate(input);
        await people.RequirePersonAsync(valid.Owner, "owner", ct);
        await using var w = await work.BeginAsync(RiskModule.Id, projectId, ct);
        var args = new DynamicParameters(RiskStore.Row(valid));
        args.AddDynamicParams(new { projectId, now = w.Stamp, today = Today() });
        var id = await w.ScalarAsync<long>("""
            INSERT INTO risk_risk (project_id, kind, title, description, category, cause, event, effect, probability, impact, residual_probability,
                                   residual_impact, residual_reason, proximity_date, owner_person_id, response, mitigation, triggers, status,
                                   last_reviewed, created_at, updated_at, version)
            VALUES (@projectId, @Kind, @Title, @Description, @Category, @Cause, @Event, @Effect, @Probability, @Impact, @ResidualProbability,
                    @ResidualImpact, @ResidualReason, @Proximity, @Owner, @Response, @Mitigation, @Triggers, @Status, @today, @now, @now, 1)
            RETURNING id
            """, args, ct);
        await RiskStore.AssessAsync(w.Connection, w.Transaction, id, valid with { Note = valid.Note ?? "Recorded" }, user.DisplayName, w.Stamp);
        await w.AuditAsync("risk", id, "created", null, valid, ct);
        await w.CommitAsync(ct);
        await events.PublishAsync(new RiskRaised(projectId, Key(id), valid.Title, valid.Probability * valid.Impact, clock.UtcNow), ct);
        return await FindAsync(projectId, id, ct);
    }

    /// <summary>
    /// Replaces the risk's fields (a full input: the API merges a partial one first). A change of probability, impact or
    /// residual is a reassessment: it is appended to the history and counts as a review.
    /// </summary>
    public async Task<RiskEntry> UpdateAsync(long projectId, long riskId, long version, RiskInput input, CancellationToken ct = default)
    {
        await RequireEditAsync(projectId, ct);
        var valid = RiskRules.Validate(input);
        await using var w = await work.BeginAsync(RiskModule.Id, projectId, ct);
        var before = await RiskStore.RiskAsync(w.Connection, w.Transaction, projectId, riskId) ?? throw new NotFoundException("Risk", Key(riskId));
        await people.RequirePersonAsync(valid.Owner, "owner", ct);
        var reassessed = before.Probability != valid.Probability || before.Impact != valid.Impact
            || before.ResidualProbability != valid.ResidualProbability || before.ResidualImpact != valid.ResidualImpact;
        var args = new DynamicParameters(RiskStore.Row(valid));
        args.AddDynamicParams(new { riskId, version, now = w.Stamp, reviewed = reassessed ? Today() : null });
        await w.ExecuteVersionedAsync("""
            UPDATE risk_risk SET kind = @Kind, title = @Title, description = @Description, category = @Category, cause = @Cause, event = @Event,
                   effect = @Effect, probability = @Probability, impact = @Impact, residual_probability = @ResidualProbability,
                   residual_impact = @ResidualImpact, residual_reason = @ResidualReason, proximity_date = @Proximity, owner_person_id = @Owner,
                   response = @Response, mitigation = @Mitigation, triggers = @Triggers, status = @Status,
                   last_reviewed = COALESCE(@reviewed, last_reviewed), updated_at = @now, version = version + 1
            WHERE id = @riskId AND version = @version
            """, args, "Risk", $"\"{before.Title}\"", ct);
        if (reassessed) await RiskStore.AssessAsync(w.Connection, w.Transaction, riskId, valid, user.DisplayName, w.Stamp);
        await w.AuditAsync("risk", riskId, reassessed ? "reassessed" : "updated", RiskInput.From(before), valid, ct);
        await w.CommitAsync(ct);
        return await FindAsync(projectId, riskId, ct);
    }

    /// <summary>Records that the risk was looked at today and still stands as assessed (resets the "not reviewed" warning).</summary>
    public Task<RiskEntry> MarkReviewedAsync(long projectId, long riskId, long version, CancellationToken ct = default) =>
        SetAsync(projectId, riskId, version, "reviewed", "last_reviewed = @today", ct);

    public Task<RiskEntry> CloseAsync(long projectId, long riskId, long version, CancellationToken ct = default) =>
        SetAsync(projectId, riskId, version, "closed", "status = 'Closed'", ct);

    public async Task<RiskAction> AddActionAsync(long projectId, long riskId, ActionInput input, CancellationToken ct = default)
    {
        await RequireEditAsync(projectId, ct);
        var (title, status) = ActionRules.Validate(input);
        long id;
        await using (var w = await work.BeginAsync(RiskModule.Id, projectId, ct))
        {
            _ = await RiskStore.RiskAsync(w.Connection, w.Transaction, projectId, riskId) ?? throw new NotFoundException("Risk", Key(riskId));
            await people.RequirePersonAsync(input.Owner, "owner", ct);
            id = await w.ScalarAsync<long>("""
                INSERT INTO risk_action (risk_id, title, owner_person_id, due_date, status, created_at, updated_at, version)
                VALUES (@riskId, @title, @Owner, @due, @status, @now, @now, 1) RETURNING id
                """, new { riskId, title, input.Owner, due = input.DueDate?.ToString("yyyy-MM-dd"), status = status.ToString(), now = w.Stamp }, ct);
            await w.AuditAsync("risk-action", id, "created", null, new { riskId, title, input.Owner, input.DueDate, status }, ct);
            await w.CommitAsync(ct);
        }
        return await ActionAsync(riskId, id, ct);
    }

    public async Task<RiskAction> UpdateActionAsync(long projectId, long riskId, long actionId, long version, ActionInput input, CancellationToken ct = default)
    {
        await RequireEditAsync(projectId, ct);
        var (title, status) = ActionRules.Validate(input);
        await using (var w = await work.BeginAsync(RiskModule.Id, projectId, ct))
        {
            _ = await RiskStore.RiskAsync(w.Connection, w.Transaction, projectId, riskId) ?? throw new NotFoundException("Risk", Key(riskId));
            var before = await RiskStore.ActionAsync(w.Connection, w.Transaction, riskId, actionId) ?? throw new NotFoundException("Action", Key(actionId));
            await people.RequirePersonAsync(input.Owner, "owner", ct);
            await w.ExecuteVersionedAsync("""
                UPDATE risk_action SET title = @title, owner_person_id = @Owner, due_date = @due, status = @status, updated_at = @now, version = version + 1
                WHERE id = @actionId AND version = @version
                """, new { title, input.Owner, due = input.DueDate?.ToString("yyyy-MM-dd"), status = status.ToString(), now = w.Stamp, actionId, version },
                "Action", $"\"{before.Title}\"", ct);
            await w.AuditAsync("risk-action", actionId, "updated",
                new { before.Title, before.Owner, before.DueDate, before.Status }, new { title, input.Owner, input.DueDate, status }, ct);
            await w.CommitAsync(ct);
        }
        return await ActionAsync(riskId, actionId, ct);
    }

    private async Task<RiskEntry> SetAsync(long projectId, long riskId, long version, string action, string assignment, CancellationToken ct)
    {
        await RequireEditAsync(projectId, ct);
        await using (var w = await work.BeginAsync(RiskModule.Id, projectId, ct))
        {
            var before = await RiskStore.RiskAsync(w.Connection, w.Transaction, projectId, riskId) ?? throw new NotFoundException("Risk", Key(riskId));
            // assignment is one of the two constants above, never user text.
            await w.ExecuteVersionedAsync($"UPDATE risk_risk SET {assignment}, updated_at = @now, version = version + 1 WHERE id = @riskId AND version = @version",
                new { today = Today(), now = w.Stamp, riskId, version }, "Risk", $"\"{before.Title}\"", ct);
            await w.AuditAsync("risk", riskId, action, new { before.Status, before.LastReviewed }, null, ct);
            await w.CommitAsync(ct);
        }
        return await FindAsync(projectId, riskId, ct);
    }

    private async Task RequireEditAsync(long projectId, CancellationToken ct)
    {
        await RequireProjectAsync(projectId, ct);
        await permissions.DemandAsync(projectId, RiskModule.EditRaid, ct);
    }

    private async Task<RiskAction> ActionAsync(long riskId, long actionId, CancellationToken ct)
    {
        await using var connection = await connections.OpenAsync(ct);
        return (await NamedAsync([(await RiskStore.ActionAsync(connection, null, riskId, actionId))!], ct))[0];
    }

    /// <summary>The risks with their project's code and name and their owner's name, from the directory.</summary>
    private async Task<IReadOnlyList<RiskEntry>> NamedAsync(IReadOnlyList<RiskEntry> risks, CancellationToken ct)
    {
        if (risks.Count == 0) return risks;
        var projectsById = await projects.FindManyAsync(risks.Select(r => r.ProjectId).Distinct(), ct);
        var owners = await people.FindManyAsync(risks.Select(r => r.Owner).OfType<long>().Distinct(), ct);
        return risks.Select(r => r with
        {
            ProjectCode = projectsById.GetValueOrDefault(r.ProjectId)?.Code,
            ProjectName = projectsById.GetValueOrDefault(r.ProjectId)?.Name,
            OwnerName = r.Owner is { } o ? owners.GetValueOrDefault(o)?.Name : null,
        }).ToList();
    }

    private async Task<IReadOnlyList<RiskAction>> NamedAsync(IReadOnlyList<RiskAction> actions, CancellationToken ct)
    {
        if (actions.Count == 0) return actions;
        var owners = await people.FindManyAsync(actions.Select(a => a.Owner).OfType<long>().Distinct(), ct);
        return actions.Select(a => a with { OwnerName = a.Owner is { } o ? owners.GetValueOrDefault(o)?.Name : null }).ToList();
    }

    private static string Key(long id) => id.ToString(CultureInfo.InvariantCulture);

    private string Today() => clock.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
