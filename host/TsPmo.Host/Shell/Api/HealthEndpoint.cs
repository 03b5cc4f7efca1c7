using TsPmo.Core.Modules;

namespace TsPmo.Host.Shell.Api;

/// <summary>
/// <c>GET /health</c>, open to monitoring without sign-in: 200 while the host serves, "Degraded" when a
/// module is faulted or an enabled module has a failing part, and each module's status with its error, its
/// isolated problems and its recurring jobs' last run on this host.
/// </summary>
public static class HealthEndpoint
{
    public sealed record ModuleHealth(string Id, ModuleStatus Status, string? Error, IReadOnlyList<ModuleProblem> Problems, IReadOnlyList<RecurringJobStatus> Jobs);

    public sealed record HealthReport(string Status, IReadOnlyList<ModuleHealth> Modules);

    public static void MapHealth(this IEndpointRouteBuilder app) =>
        app.MapGet("/health", (ModuleRegistry registry, ModuleCatalog catalog) =>
        {
            var modules = registry.Modules.Select(m => new ModuleHealth(m.Id, catalog.Status(m.Id) ?? ModuleStatus.Faulted, m.Fault, m.Problems, m.Jobs)).ToList();
            // A part that failed (a job's last run, a widget that cannot be built) degrades the host as a fault does.
            var degraded = modules.Any(m => m.Status == ModuleStatus.Faulted
                || (m.Status == ModuleStatus.Enabled && (m.Problems.Count > 0 || m.Jobs.Any(j => j.LastError is not null))));
            return TypedResults.Ok(new HealthReport(degraded ? "Degraded" : "Healthy", modules));
        })
        .AllowAnonymous()
        .ExcludeFromDescription();
}
