namespace TsPmo.Sdk.Modules;

/// <summary>
/// The one class a module (or third-party plugin) implements. It describes the module declaratively,
/// in one place: the host finds it in <c>plugins/&lt;Name&gt;/&lt;Name&gt;.dll</c>, reads the manifest and calls
/// <see cref="Register"/> once at start. Keep <see cref="Register"/> free of I/O: it runs before the
/// database is migrated.
/// </summary>
public interface ITsPmoModule
{
    ModuleManifest Manifest { get; }

    void Register(IModuleBuilder module);
}
