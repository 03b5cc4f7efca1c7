using System.Data.Common;
using System.Reflection;
using McMaster.NETCore.Plugins;
using Microsoft.Extensions.DependencyInjection;
using TsPmo.Core.Modules;
using TsPmo.Sdk;
using TsPmo.Sdk.Modules;

namespace TsPmo.Host.Shell.Plugins;

/// <summary>
/// Finds <c>&lt;path&gt;/&lt;Name&gt;/&lt;Name&gt;.dll</c>, loads each with its own McMaster loader (the SDK,
/// ASP.NET Core, ADO.NET and Dapper shared with the host), and asks its module class to register.
/// A plugin that cannot be loaded becomes a faulted entry; it never stops the host.
/// </summary>
public static class PluginLoader
{
    private static readonly Type[] SharedTypes =
    [
        typeof(ITsPmoModule),
        typeof(IServiceCollection),
        typeof(DbConnection),
        typeof(Dapper.SqlMapper),
        typeof(Microsoft.AspNetCore.Mvc.RazorPages.PageModel),
        typeof(Microsoft.AspNetCore.Http.HttpContext),
    ];

    public static IReadOnlyList<InstalledModule> LoadAll(string pluginsPath, Action<string> log)
    {
        var modules = new List<InstalledModule>();
        if (!Directory.Exists(pluginsPath))
        {
            log($"Plugins folder {pluginsPath} does not exist: no modules loaded.");
            return modules;
        }
        foreach (var folder in Directory.GetDirectories(pluginsPath).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(folder);
            var dll = Path.Combine(folder, name + ".dll");
            if (!File.Exists(dll))
            {
                log($"Skipping {folder}: it has no {name}.dll.");
                continue;
            }
            modules.Add(Load(dll, name, folder));
        }
        return modules;
    }

    private static InstalledModule Load(string dll, string name, string folder)
    {
        ModuleManifest? manifest = null;
        Assembly? assembly = null;
        try
        {
            var loader = PluginLoader_(dll);
            assembly = loader.LoadDefaultAssembly();
            var moduleTypes = assembly.GetTypes()
                .Where(t => typeof(ITsPmoModule).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
                .ToList();
            if (moduleTypes.Count != 1)
                throw new InvalidOperationException($"{name}.dll must contain exactly one class implementing ITsPmoModule; it has {moduleTypes.Count}.");

            var module = (ITsPmoModule)Activator.CreateInstance(moduleTypes[0])!;
            manifest = module.Manifest;
            var problems = manifest.Validate().ToList();
            if (!manifest.SupportedSdk.Accepts(SdkInfo.Version))
                problems.Add($"It supports SDK {manifest.SupportedSdk}, but this host provides SDK {SdkInfo.Version}.");
            if (problems.Count > 0) throw new InvalidOperationException(string.Join(" ", problems));

            var builder = new ModuleBuilder(manifest);
            module.Register(builder);
            return new InstalledModule(manifest, assembly, builder.Declaration, folder);
        }
        catch (Exception ex)
        {
            var error = ex is ReflectionTypeLoadException rtle
                ? "It could not be loaded: " + string.Join(" ", rtle.LoaderExceptions.Select(e => e?.Message).Distinct())
                : $"It failed while loading: {ex.GetType().Name}: {ex.Message}";
            var faulted = new InstalledModule(
                manifest ?? FallbackManifest(name),
                assembly,
                new ModuleDeclaration(),
                folder);
            faulted.MarkFaulted(error);
            return faulted;
        }
    }

    private static McMaster.NETCore.Plugins.PluginLoader PluginLoader_(string dll) =>
        McMaster.NETCore.Plugins.PluginLoader.CreateFromAssemblyFile(
            Path.GetFullPath(dll),
            SharedTypes,
            config => config.PreferSharedTypes = true);

    /// <summary>Names a plugin whose manifest could not be read by its folder, so the fault can be shown.</summary>
    private static ModuleManifest FallbackManifest(string folderName)
    {
        var slug = new string(folderName.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
        if (slug.Length == 0 || !char.IsAsciiLetter(slug[0])) slug = "plugin-" + slug;
        return new ModuleManifest
        {
            Id = slug.Length > 32 ? slug[..32] : slug,
            Name = folderName,
            Version = new Version(0, 0),
            SupportedSdk = new SdkRange(SdkInfo.Version),
            Kind = ModuleKind.Capability,
        };
    }
}
