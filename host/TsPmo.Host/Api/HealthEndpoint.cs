using TsPmo.Core.Modules;

namespace TsPmo.Host.Api;

/// <summary>
/// <c>GET /health</c>, open to monitoring without sign-in: 200 while the host serves, "Degraded" when a
/// module is faulted, and each module's status with its error.
/// </summary>
public static class HealthEndpoint
{
    public sealed record ModuleHealth(string Id, ModuleStatus Status, string? Error);

    public sealed record HealthReport(string Status, IReadOnlyList<ModuleHealth> Modules);

    public static void MapHealth(this IEndpointRouteBuilder app) =>
        app.MapGet("/health", (ModuleRegistry registry, ModuleCatalog catalog) =>
        {
            var modules = registry.Modules.Select(m => new ModuleHealth(m.Id, catalog.Status(m.Id) ?? ModuleStatus.Faulted, m.Fault)).ToList();
            return TypedResults.Ok(new HealthReport(modules.Any(m => m.Status == ModuleStatus.Faulted) ? "Degraded" : "Healthy", modules));
        })
        .AllowAnonymous()
        .ExcludeFromDescription();
}
