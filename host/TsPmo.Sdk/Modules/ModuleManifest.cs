using System.Text.RegularExpressions;

namespace TsPmo.Sdk.Modules;

/// <summary>
/// Who a module is. The <see cref="Id"/> is a stable lowercase slug: it prefixes the module's tables
/// (<c>scrum_sprint</c>), API routes (<c>/api/v1/scrum/…</c>), permissions (<c>scrum.edit</c>) and settings.
/// Never change it once data exists.
/// </summary>
public sealed partial record ModuleManifest
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public string Description { get; init; } = "";
    public required Version Version { get; init; }
    public required SdkRange SupportedSdk { get; init; }
    public required ModuleKind Kind { get; init; }

    /// <summary>Ids of modules that must be enabled for this one to be enabled.</summary>
    public IReadOnlyList<string> DependsOn { get; init; } = [];

    /// <summary>Whether the module is switched on the first time the host finds it.</summary>
    public bool EnabledByDefault { get; init; } = true;

    /// <summary>The problems with this manifest, empty when it is valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!IdPattern().IsMatch(Id ?? ""))
            errors.Add($"Module id '{Id}' must be a lowercase slug: a letter, then letters, digits or '-', at most 32 characters.");
        if (string.IsNullOrWhiteSpace(Name))
            errors.Add("Module name is required.");
        foreach (var dep in DependsOn)
        {
            if (!IdPattern().IsMatch(dep)) errors.Add($"Dependency id '{dep}' is not a module id.");
            if (dep == Id) errors.Add("A module cannot depend on itself.");
        }
        return errors;
    }

    public static bool IsValidId(string id) => IdPattern().IsMatch(id);

    [GeneratedRegex(@"^[a-z][a-z0-9-]{0,31}\z")]
    private static partial Regex IdPattern();
}
