using TsPmo.Core.Modules;
using TsPmo.Host.Shell.Security;
using TsPmo.Sdk.Modules;
using TsPmo.Sdk.Security;

namespace TsPmo.Host.Shell.Api;

/// <summary>The modules and their state; Admins switch them on and off.</summary>
public static class ModulesApi
{
    public sealed record ModuleDto(string Id, string Name, string Description, string Version, ModuleKind Kind, bool Enabled, ModuleStatus Status, IReadOnlyList<string> DependsOn, string? Error);

    public static void MapModulesApi(this RouteGroupBuilder api)
    {
        var modules = api.MapGroup("/modules").WithTags("Modules");

        modules.MapGet("/", (ModuleRegistry registry, ModuleCatalog catalog) =>
            TypedResults.Ok(registry.Modules.Select(m => ToDto(m, catalog)).ToList()));

        modules.MapGet("/{id}", (string id, ModuleRegistry registry, ModuleCatalog catalog) =>
            registry.Find(id) is { } m ? Results.Ok(ToDto(m, catalog)) : NotFound(id));

        modules.MapPost("/{id}/enable", (string id, ModuleAdministration admin, ModuleRegistry registry, ModuleCatalog catalog, CancellationToken ct) =>
                Toggle(id, true, admin, registry, catalog, ct))
            .RequirePermission(CorePermissions.ManageModules).ProducesProblem(404).ProducesProblem(409);

        modules.MapPost("/{id}/disable", (string id, ModuleAdministration admin, ModuleRegistry registry, ModuleCatalog catalog, CancellationToken ct) =>
                Toggle(id, false, admin, registry, catalog, ct))
            .RequirePermission(CorePermissions.ManageModules).ProducesProblem(404).ProducesProblem(409);
    }

    private static async Task<IResult> Toggle(string id, bool enable, ModuleAdministration admin, ModuleRegistry registry, ModuleCatalog catalog, CancellationToken ct)
    {
        if (registry.Find(id) is not { } module) return NotFound(id);
        if (enable) await admin.EnableAsync(id, ct); else await admin.DisableAsync(id, ct);
        return Results.Ok(ToDto(module, catalog)); // the toggle made the catalog forget its snapshot
    }

    private static IResult NotFound(string id) =>
        TypedResults.Problem(statusCode: 404, title: "Not found.", detail: $"There is no installed module with id '{id}'.");

    private static ModuleDto ToDto(InstalledModule m, ModuleCatalog catalog)
    {
        var status = catalog.Status(m.Id) ?? ModuleStatus.Faulted;
        return new ModuleDto(m.Id, m.Manifest.Name, m.Manifest.Description, m.Manifest.Version.ToString(), m.Manifest.Kind,
            status == ModuleStatus.Enabled, status, m.Manifest.DependsOn, m.Fault);
    }
}
