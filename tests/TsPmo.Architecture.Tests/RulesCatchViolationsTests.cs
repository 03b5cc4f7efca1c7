namespace TsPmo.Architecture.Tests;

/// <summary>Each rule fails on the fixture module that breaks it on purpose, and names what broke it.</summary>
public class RulesCatchViolationsTests
{
    private static readonly string Fixture = Assemblies.PathOf(Assemblies.Violations);

    [Fact]
    public void A_reference_to_core_is_reported() =>
        Assert.Equal(["TsPmo.Fixtures.ArchViolations references TsPmo.Core"], ArchitectureRules.ReferencesOnly(Fixture, Assemblies.Sdk));

    [Fact]
    public void The_sdk_rule_reports_any_TsPmo_reference() =>
        Assert.Contains("TsPmo.Fixtures.ArchViolations references TsPmo.Sdk", ArchitectureRules.ReferencesOnly(Fixture));

    [Fact]
    public void A_project_page_on_a_plain_PageModel_is_reported()
    {
        var violation = Assert.Single(ArchitectureRules.ProjectPagesDeriveFromTheSdkBase(Fixture));
        Assert.Contains("PlainModel does not derive from TsPmo.Sdk.Web.ProjectPageModel", violation);
    }

    [Fact]
    public void A_port_implementation_outside_contributions_is_reported()
    {
        var violation = Assert.Single(ArchitectureRules.PortImplementationsLiveInContributions(Fixture));
        Assert.Contains("StrayWidget implements IDashboardWidget outside Contributions/", violation);
    }

    [Fact]
    public void Sql_naming_another_owners_table_is_reported_and_own_tables_are_not()
    {
        var violation = Assert.Single(ArchitectureRules.SqlNamesOnlyOwnTables(Fixture, Assemblies.ViolationsId, Assemblies.Owners));
        Assert.Contains("names core_person", violation);
    }

    [Fact]
    public void An_undeclared_port_implementation_is_reported()
    {
        var violation = Assert.Single(DescriptorRules.EveryContributionIsDeclaredOnce(Assemblies.Violations));
        Assert.Contains("UndeclaredSignals implements an SDK port but the descriptor does not declare it", violation);
    }
}
