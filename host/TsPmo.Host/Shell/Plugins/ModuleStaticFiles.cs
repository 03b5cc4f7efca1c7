using Microsoft.Extensions.FileProviders;
using TsPmo.Core.Modules;

namespace TsPmo.Host.Shell.Plugins;

/// <summary>
/// Serves each module's <c>wwwroot</c> from its plugin folder under <c>/_modules/{id}/</c>: a module loaded
/// at run time is invisible to the static-web-assets manifest.
/// </summary>
public static class ModuleStaticFiles
{
    public const string PathPrefix = "/_modules";

    public static void UseModuleStaticFiles(this WebApplication app, ModuleRegistry registry)
    {
        foreach (var module in registry.Modules)
        {
            var root = Path.Combine(module.Location, "wwwroot");
            if (!Directory.Exists(root)) continue;
            app.UseStaticFiles(new StaticFileOptions
            {
                RequestPath = $"{PathPrefix}/{module.Id}",
                FileProvider = new PhysicalFileProvider(root),
            });
        }
    }
}
