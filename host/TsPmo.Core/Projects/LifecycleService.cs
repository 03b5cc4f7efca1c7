using Dapper;
using Microsoft.Extensions.Logging;
using TsPmo.Core.Data;
using TsPmo.Sdk.Audit;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Modules;
using TsPmo.Sdk.Ports.Events;
using TsPmo.Sdk.Ports.Lifecycle;
using TsPmo.Sdk.Security;

namespace TsPmo.Core.Projects;

/// <summary>
/// The one way a project changes phase: the rules, then every enabled lifecycle guard (all reasons are
/// collected), then the change with who, when and why, the audit record, the event and the handlers.
/// </summary>
public sealed class LifecycleService(
    IDbConnectionFactory connections,
    ProjectAccess access,
    IEnabledContributions<ILifecycleGuard> guards,
    IEnabledContributions<IProjectLifecycleHandler> handlers,
    IDomainEventPublisher events,
    IAuditLog audit,
    ICurrentUser user,
    TimeProvider time,
    ILogger<LifecycleService> logger,
    TsPmo.Core.Modules.ModuleRegistry registry,
    TsPmo.Core.Settings.ModuleSettings settings)
{
    public async Task<Project> TransitionAsync(long projectId, LifecyclePhase to, string? reason, CancellationToken ct = default)
    {
        await access.DemandAsync(projectId, ProjectPermissions.ChangePhase, ct);
        reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (reason is { Length: > 2000 }) throw new DomainValidationException("reason", "The reason is limited to 2,000 characters.");
        if (LifecycleRules.NeedsReason(to) && reason is null)
            throw new DomainValidationException("reason", $"Say why the project goes {LifecycleRules.Label(to).ToLowerInvariant()}.");

        await using var connection = await connections.OpenAsync(ct);
        var project = await ProjectStore.FindAsync(connection, null, projectId) ?? throw new NotFoundException("Project", projectId.ToString());
        var allowed = LifecycleRules.Allowed(project.Phase, project.PhaseBeforeHold);
        if (!allowed.Contains(to))
            throw new LifecycleRefusedException($"{project.Code} cannot move from {LifecycleRules.Label(project.Phase)} to {LifecycleRules.Label(to)}.",
                [allowed.Count == 0 ? "The project is finished." : "From here it can move to " + string.Join(", ", allowed.Select(LifecycleRules.Label)) + "."]);

        var transition = new PhaseTransition(projectId, project.Phase, to, reason);
        var reasons = await AskGuardsAsync(transition, ct);
        if (reasons.Count > 0)
            throw new LifecycleRefusedException($"{project.Code} cannot move to {LifecycleRules.Label(to)} yet.", reasons);

        var now = time.GetUtcNow();
        await using (var tx = await connection.BeginTransactionAsync(ct))
        {
            var rows = await connection.ExecuteAsync("""
                UPDATE core_project SET phase = @to, phase_reason = @reason, phase_before_hold = @beforeHold, updated_at = @now, version = version + 1
                WHERE id = @projectId AND phase = @from
                """, new
            {
                to = to.ToString(), reason, projectId, from = project.Phase.ToString(), now = DapperTypeHandlers.Format(now),
                beforeHold = to == LifecyclePhase.OnHold ? project.Phase.ToString() : null,
            }, tx);
            if (rows != 1) throw new ConcurrencyConflictException("Project", project.Code);
            await ProjectStore.RecordPhaseAsync(connection, tx, projectId, project.Phase, to, reason, user.DisplayName, now);
            await audit.WriteAsync(connection, tx, new AuditEntry("core", "project", projectId.ToString(), "phase changed",
                new { Phase = project.Phase.ToString() }, new { Phase = to.ToString(), Reason = reason }) { ProjectId = projectId }, ct);
            await tx.CommitAsync(ct);
        }

        await events.PublishAsync(new PhaseChanged(projectId, project.Phase, to, reason, now), ct);
        foreach (var handler in handlers.All)
        {
            try { await handler.OnPhaseChangedAsync(transition, ct); }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Lifecycle handler {Handler} failed on {Project}", handler.GetType().FullName, projectId);
            }
        }
        return (await ProjectStore.FindAsync(connection, null, projectId))!;
    }

    public async Task<IReadOnlyList<PhaseChange>> HistoryAsync(long projectId, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        return (await connection.QueryAsync<PhaseChange>("""
            SELECT id, from_phase AS FromPhase, to_phase AS ToPhase, reason, changed_by AS ChangedBy, changed_at AS ChangedAt
            FROM core_phase_change WHERE project_id = @projectId ORDER BY id
            """, new { projectId })).ToList();
    }

    /// <summary>
    /// Every guard is asked, so the user sees all that stands in the way at once. A guard that throws is its module's
    /// problem (shown on Admin → Modules and /health), not every project's: by default the change goes ahead without
    /// that check (fails open, recorded); the core setting <see cref="TsPmo.Core.Settings.CoreSettings.GuardFailsClosedKey"/>
    /// makes it refuse instead, naming the module.
    /// </summary>
    private async Task<List<string>> AskGuardsAsync(PhaseTransition transition, CancellationToken ct)
    {
        var reasons = new List<string>();
        bool? failsClosed = null;
        foreach (var guard in guards.All)
        {
            try
            {
                var verdict = await guard.CheckAsync(transition, ct);
                if (!verdict.Allowed) reasons.AddRange(verdict.Reasons.Count > 0 ? verdict.Reasons : ["A lifecycle guard refused without a reason."]);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                var owner = registry.OwnerOf(guard.GetType().Assembly);
                var name = owner?.Manifest.Name ?? "Core";
                failsClosed ??= await settings.GetBooleanAsync(TsPmo.Core.Settings.CoreSettings.ModuleId, TsPmo.Core.Settings.CoreSettings.GuardFailsClosedKey, ct);
                owner?.RecordProblem($"lifecycle guard {guard.GetType().Name}",
                    $"Its lifecycle guard {guard.GetType().Name} failed on {transition.From} → {transition.To} of project {transition.ProjectId} " +
                    $"({(failsClosed.Value ? "the change was refused" : "the change went ahead without it")}): {ex.GetType().Name}: {ex.Message}",
                    time.GetUtcNow());
                logger.LogError(ex, "Lifecycle guard {Guard} of {Module} failed; failing {Mode}", guard.GetType().FullName, name, failsClosed.Value ? "closed" : "open");
                if (failsClosed.Value) reasons.Add($"Module {name} could not check this transition. Try again later, or ask an administrator to look at the module.");
            }
        }
        return reasons;
    }
}
