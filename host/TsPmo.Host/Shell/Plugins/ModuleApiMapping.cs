using TsPmo.Core.Modules;
using TsPmo.Host.Shell.Security;

namespace TsPmo.Host.Shell.Plugins;

/// <summary>Maps each module's API under <c>/api/v1/{id}</c> and <c>/api/v1/projects/{projectId}/{id}</c>.</summary>
public static class ModuleApiMapping
{
    public static void MapModuleApis(this RouteGroupBuilder api, ModuleRegistry registry, ILogger logger)
    {
        foreach (var module in registry.Modules.Where(m => !m.IsFaulted))
        {
            try
            {
                var metadata = new ModuleEndpointMetadata(module.Id);
                if (module.Declaration.Api.Count > 0)
                {
                    var group = api.MapGroup("/" + module.Id).WithMetadata(metadata).WithTags(module.Manifest.Name);
                    foreach (var map in module.Declaration.Api) map(group);
                }
                if (module.Declaration.ProjectApi.Count > 0)
                {
                    var group = api.MapGroup("/projects/{projectId:long}/" + module.Id).WithMetadata(metadata).WithTags(module.Manifest.Name);
                    foreach (var map in module.Declaration.ProjectApi) map(group);
                }
            }
            catch (Exception ex)
            {
                registry.Fault(module.Id, $"It failed while mapping its API: {ex.GetType().Name}: {ex.Message}");
                logger.LogError(ex, "Module {Module} faulted while mapping its API", module.Id);
            }
        }
    }
}
