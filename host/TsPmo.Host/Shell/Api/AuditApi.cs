using TsPmo.Core.Modules;
using TsPmo.Core.Audit;
using TsPmo.Host.Shell.Security;
using TsPmo.Sdk.Security;

namespace TsPmo.Host.Shell.Api;

/// <summary><c>GET /api/v1/audit</c> for Admin and PMO; a project's activity for everyone who may read it.</summary>
public static class AuditApi
{
    public static void MapAuditApi(this RouteGroupBuilder api)
    {
        api.MapGet("/audit", (AuditQuery audit, string? entity, string? entityId, string? module, string? user, long? projectId,
                DateOnly? from, DateOnly? to, long? before, int? take, CancellationToken ct) =>
            audit.FindAsync(new AuditFilter
            {
                EntityType = entity, EntityId = entityId, ModuleId = module, UserName = user, ProjectId = projectId,
                From = from, To = to, BeforeId = before, Take = take ?? 50,
            }, ct))
            .RequirePermission(CorePermissions.ReadAudit)
            .WithTags("Audit");

        api.MapGet("/projects/{id:long}/activity", (long id, AuditQuery audit, long? before, int? take, CancellationToken ct) =>
                audit.FindAsync(new AuditFilter { ProjectId = id, BeforeId = before, Take = take ?? 50 }, ct))
            .WithTags("Projects");
    }
}
