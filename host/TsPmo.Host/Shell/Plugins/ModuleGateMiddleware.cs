using Microsoft.AspNetCore.Mvc.RazorPages;
using TsPmo.Core.Modules;

namespace TsPmo.Host.Shell.Plugins;

/// <summary>
/// Loads this request's view of which modules are on, then answers 404 for an endpoint of a module that is
/// disabled or faulted: a toggle acts on the very next request, without a restart.
/// </summary>
public sealed class ModuleGateMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, ModuleCatalog catalog, ModuleRegistry registry)
    {
        await catalog.LoadAsync(context.RequestAborted);
        var endpoint = context.GetEndpoint();
        if (endpoint is not null && OwnerOf(endpoint, registry) is { } moduleId && !catalog.IsEnabled(moduleId))
        {
            context.SetEndpoint(null);
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        await next(context);
    }

    private static string? OwnerOf(Endpoint endpoint, ModuleRegistry registry)
    {
        if (endpoint.Metadata.GetMetadata<ModuleEndpointMetadata>() is { } marked) return marked.ModuleId;
        if (endpoint.Metadata.GetMetadata<CompiledPageActionDescriptor>() is { } page)
            return registry.OwnerOf((page.HandlerTypeInfo ?? page.PageTypeInfo).Assembly)?.Id;
        return null;
    }
}
