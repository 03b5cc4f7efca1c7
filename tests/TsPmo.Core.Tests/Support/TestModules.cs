using TsPmo.Core.Modules;
using TsPmo.Sdk.Modules;

namespace TsPmo.Core.Tests.Support;

/// <summary>Installed modules built from manifests alone, as the host builds them minus the assembly.</summary>
public static class TestModules
{
    public static InstalledModule Module(string id, params string[] dependsOn) => Module(id, enabledByDefault: true, dependsOn);

    public static InstalledModule Module(string id, bool enabledByDefault, params string[] dependsOn) =>
        new(new ModuleManifest
        {
            Id = id,
            Name = NameOf(id),
            Version = new Version(1, 0),
            SupportedSdk = SdkRange.Parse("1.0"),
            Kind = ModuleKind.Capability,
            DependsOn = dependsOn,
            EnabledByDefault = enabledByDefault,
        }, null, new ModuleDeclaration(), "plugins/" + id);

    /// <summary>The display name given to a module id: "risk" is "Risk module".</summary>
    public static string NameOf(string id) => char.ToUpperInvariant(id[0]) + id[1..] + " module";
}
