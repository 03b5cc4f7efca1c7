namespace TsPmo.Architecture.Tests;

/// <summary>The assemblies under test, as files next to this test assembly (copied there by the project references).</summary>
public static class Assemblies
{
    /// <summary>Every first-party module: assembly name and module id (its table prefix).</summary>
    public static readonly IReadOnlyList<(string Name, string Id)> Modules =
    [
        ("TsPmo.Agile", "agile"), ("TsPmo.Scrum", "scrum"), ("TsPmo.Waterfall", "waterfall"), ("TsPmo.Risk", "risk"), ("TsPmo.Reporting", "reporting"),
    ];

    public const string Sdk = "TsPmo.Sdk";
    public const string Violations = "TsPmo.Fixtures.ArchViolations";
    public const string ViolationsId = "archfix";

    /// <summary>Table prefixes of every owner: core and each module.</summary>
    public static IReadOnlyCollection<string> Owners { get; } = ["core", .. Modules.Select(m => m.Id), ViolationsId];

    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, name + ".dll");

    public static TheoryData<string, string> ModuleData()
    {
        var data = new TheoryData<string, string>();
        foreach (var (name, id) in Modules) data.Add(name, id);
        return data;
    }
}
