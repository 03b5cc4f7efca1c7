namespace TsPmo.Sdk.Modules;

/// <summary>Read-only view of the installed modules and which are switched on right now.</summary>
public interface IModuleCatalog
{
    IReadOnlyList<ModuleManifest> Installed { get; }

    /// <summary>True while the module is installed, not faulted, and enabled.</summary>
    bool IsEnabled(string moduleId);

    IReadOnlyList<ModuleManifest> Enabled(ModuleKind? kind = null);
}
