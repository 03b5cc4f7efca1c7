namespace TsPmo.Architecture.Tests;

/// <summary>The real SDK and modules keep every rule.</summary>
public class ModuleShapeTests
{
    public static TheoryData<string, string> Modules => Assemblies.ModuleData();

    [Fact]
    public void The_sdk_references_nothing_of_TsPmo() =>
        Keeps(ArchitectureRules.ReferencesOnly(Assemblies.PathOf(Assemblies.Sdk)));

    [Theory]
    [MemberData(nameof(Modules))]
    public void A_module_references_the_sdk_only(string module, string _) =>
        Keeps(ArchitectureRules.ReferencesOnly(Assemblies.PathOf(module), Assemblies.Sdk));

    [Theory]
    [MemberData(nameof(Modules))]
    public void Every_project_page_derives_from_the_sdk_base(string module, string _) =>
        Keeps(ArchitectureRules.ProjectPagesDeriveFromTheSdkBase(Assemblies.PathOf(module)));

    [Theory]
    [MemberData(nameof(Modules))]
    public void Every_port_implementation_lives_in_contributions(string module, string _) =>
        Keeps(ArchitectureRules.PortImplementationsLiveInContributions(Assemblies.PathOf(module)));

    [Theory]
    [MemberData(nameof(Modules))]
    public void The_descriptor_declares_every_contribution_once(string module, string _) =>
        Keeps(DescriptorRules.EveryContributionIsDeclaredOnce(module));

    [Theory]
    [MemberData(nameof(Modules))]
    public void Module_sql_names_only_its_own_tables(string module, string id) =>
        Keeps(ArchitectureRules.SqlNamesOnlyOwnTables(Assemblies.PathOf(module), id, Assemblies.Owners));

    /// <summary>Passes with no violation; otherwise fails listing every one (Assert.Empty would cut them short).</summary>
    private static void Keeps(IReadOnlyList<string> violations) =>
        Assert.True(violations.Count == 0, $"{violations.Count} violation(s):\n" + string.Join("\n", violations));
}
