using System.Reflection;
using TsPmo.Sdk.Modules;

namespace TsPmo.Core.Modules;

/// <summary>
/// A module found on disk. <see cref="Fault"/> is set when it failed to load, migrate or start, or when a
/// dependency is missing; a faulted module is skipped everywhere and its error is shown to administrators.
/// </summary>
public sealed class InstalledModule(ModuleManifest manifest, Assembly? assembly, ModuleDeclaration declaration, string location)
{
    private volatile string? _fault;

    public ModuleManifest Manifest { get; } = manifest;
    public Assembly? Assembly { get; } = assembly;
    public ModuleDeclaration Declaration { get; } = declaration;

    /// <summary>The folder the module was loaded from.</summary>
    public string Location { get; } = location;

    public string Id => Manifest.Id;
    public string? Fault => _fault;
    public bool IsFaulted => _fault is not null;

    public void MarkFaulted(string error) => _fault ??= error;
}
