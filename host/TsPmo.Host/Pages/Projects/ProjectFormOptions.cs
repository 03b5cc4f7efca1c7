using TsPmo.Sdk.Modules;
using TsPmo.Sdk.Ports.Directory;

namespace TsPmo.Host.Pages.Projects;

/// <summary>What the project form's selects offer.</summary>
public sealed record ProjectFormOptions(IReadOnlyList<ModuleManifest> Methodologies, IReadOnlyList<PersonInfo> People)
{
    public static async Task<ProjectFormOptions> LoadAsync(IModuleCatalog modules, IPeopleDirectory people, CancellationToken ct) =>
        new(modules.Enabled(ModuleKind.Methodology), await people.ListAsync(ct));
}
