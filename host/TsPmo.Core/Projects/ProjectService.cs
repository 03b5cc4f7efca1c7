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

/// <summary>Creating, editing, listing and archiving projects: validated, versioned, audited.</summary>
public sealed class ProjectService(
    IDbConnectionFactory connections,
    ProjectValidator validator,
    ProjectAccess access,
    IAuditLog audit,
    ICurrentUser user,
    IDomainEventPublisher events,
    ProjectDefaults defaults,
    IEnabledContributions<IProjectLifecycleHandler> handlers,
    TimeProvider time,
    ILogger<ProjectService> logger)
{
    /// <summary>The project, or null when it does not exist or the current user may not read it (Private).</summary>
    public async Task<Project?> FindAsync(long id, CancellationToken ct = default)
    {
        if (!await access.CanReadAsync(id, ct)) return null;
        await using var connection = await connections.OpenAsync(ct);
        return await ProjectStore.FindAsync(connection, null, id);
    }

    /// <summary>A page of the projects the current user may read.</summary>
    public async Task<ProjectPage> QueryAsync(ProjectQuery query, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        return await ProjectStore.QueryAsync(connection, query, access.RestrictedToUserId);
    }

    public async Task<Project> CreateAsync(ProjectInput input, CancellationToken ct = default)
    {
        access.DemandCreate();
        var now = time.GetUtcNow();
        await using var connection = await connections.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var v = await validator.ValidateAsync(input, connection, tx, null);
        var id = await connection.ExecuteScalarAsync<long>("""
            INSERT INTO core_project (code, name, description, owner_person_id, sponsor_person_id, start_date, target_date, budget_minor, currency,
                                      business_value, strategic_importance, priority, methodology_id, phase, visibility, created_at, updated_at, version)
            VALUES (@Code, @Name, @Description, @Owner, @Sponsor, @Start, @Target, @BudgetMinor, @Currency,
                    @BusinessValue, @StrategicImportance, @Priority, @MethodologyId, 'Initiation', @Visibility, @now, @now, 1)
            RETURNING id
            """, new { v.Code, v.Name, v.Description, v.Owner, v.Sponsor, v.Start, v.Target, v.BudgetMinor, v.Currency,
                v.BusinessValue, v.StrategicImportance, Priority = v.Priority.ToString(), v.MethodologyId,
                Visibility = (v.Visibility ?? defaults.Visibility).ToString(), now = DapperTypeHandlers.Format(now) }, tx);
        await ProjectStore.ReplaceTagsAsync(connection, tx, id, v.Tags);
        await ProjectStore.RecordPhaseAsync(connection, tx, id, null, LifecyclePhase.Initiation, "Project created", user.DisplayName, now);
        await AddCreatorAsManagerAsync(connection, tx, id, now);
        var project = (await ProjectStore.FindAsync(connection, tx, id))!;
        await audit.WriteAsync(connection, tx, new AuditEntry("core", "project", id.ToString(), "created", null, Snapshot(project)) { ProjectId = id }, ct);
        await tx.CommitAsync(ct);

        await events.PublishAsync(new ProjectCreated(id, project.MethodologyId, now), ct);
        await NotifyAsync(h => h.OnProjectCreatedAsync(id, project.MethodologyId, ct));
        return project;
    }

    /// <summary>Saves an edit made on <paramref name="version"/>; refused with a conflict when someone saved in between.</summary>
    public async Task<Project> UpdateAsync(long id, long version, ProjectInput input, CancellationToken ct = default)
    {
        await access.DemandEditAsync(id, ct);
        await using var connection = await connections.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var before = await ProjectStore.FindAsync(connection, tx, id) ?? throw new NotFoundException("Project", id.ToString());
        if (before.Version != version) throw new ConcurrencyConflictException("Project", before.Code);
        var v = await validator.ValidateAsync(input, connection, tx, before);
        var rows = await connection.ExecuteAsync("""
            UPDATE core_project SET code = @Code, name = @Name, description = @Description, owner_person_id = @Owner, sponsor_person_id = @Sponsor,
                   start_date = @Start, target_date = @Target, budget_minor = @BudgetMinor, currency = @Currency, business_value = @BusinessValue,
                   strategic_importance = @StrategicImportance, priority = @Priority, methodology_id = @MethodologyId,
                   visibility = @Visibility, updated_at = @now, version = version + 1
            WHERE id = @id AND version = @version
            """, new { v.Code, v.Name, v.Description, v.Owner, v.Sponsor, v.Start, v.Target, v.BudgetMinor, v.Currency, v.BusinessValue,
                v.StrategicImportance, Priority = v.Priority.ToString(), v.MethodologyId, Visibility = (v.Visibility ?? before.Visibility).ToString(),
                now = DapperTypeHandlers.Format(time.GetUtcNow()), id, version }, tx);
        if (rows != 1) throw new ConcurrencyConflictException("Project", before.Code);
        await ProjectStore.ReplaceTagsAsync(connection, tx, id, v.Tags);
        var after = (await ProjectStore.FindAsync(connection, tx, id))!;
        await audit.WriteAsync(connection, tx, new AuditEntry("core", "project", id.ToString(), "updated", Snapshot(before), Snapshot(after)) { ProjectId = id }, ct);
        await tx.CommitAsync(ct);
        return after;
    }

    public async Task<Project> SetArchivedAsync(long id, long version, bool archived, CancellationToken ct = default)
    {
        await access.DemandEditAsync(id, ct);
        await using var connection = await connections.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var before = await ProjectStore.FindAsync(connection, tx, id) ?? throw new NotFoundException("Project", id.ToString());
        var rows = await connection.ExecuteAsync(
            "UPDATE core_project SET archived = @archived, updated_at = @now, version = version + 1 WHERE id = @id AND version = @version",
            new { archived, now = DapperTypeHandlers.Format(time.GetUtcNow()), id, version }, tx);
        if (rows != 1) throw new ConcurrencyConflictException("Project", before.Code);
        await audit.WriteAsync(connection, tx, new AuditEntry("core", "project", id.ToString(), archived ? "archived" : "restored",
            new { before.Archived }, new { Archived = archived }) { ProjectId = id }, ct);
        await tx.CommitAsync(ct);
        if (archived) await NotifyAsync(h => h.OnProjectArchivedAsync(id, ct));
        return (await FindAsync(id, ct))!;
    }

    /// <summary>The fields the audit trail keeps for a project (not the derived names).</summary>
    internal static object Snapshot(Project p) => new
    {
        p.Code, p.Name, p.Description, p.OwnerPersonId, p.SponsorPersonId, p.StartDate, p.TargetDate, p.BudgetMinor, p.Currency,
        p.BusinessValue, p.StrategicImportance, Priority = p.Priority.ToString(), p.MethodologyId, Phase = p.Phase.ToString(), p.Tags, p.Archived, Visibility = p.Visibility.ToString(),
    };

    private async Task AddCreatorAsManagerAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction tx, long projectId, DateTimeOffset now)
    {
        if (user.UserId is not { } userId) return;
        await connection.ExecuteAsync("""
            INSERT INTO core_project_member (project_id, person_id, role, added_at)
            SELECT @projectId, id, 'Manager', @now FROM core_person WHERE user_id = @userId
            """, new { projectId, userId, now = DapperTypeHandlers.Format(now) }, tx);
    }

    private async Task NotifyAsync(Func<IProjectLifecycleHandler, Task> call)
    {
        foreach (var handler in handlers.All)
        {
            try { await call(handler); }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Lifecycle handler {Handler} failed", handler.GetType().FullName);
            }
        }
    }
}
