using TsPmo.Core.Modules;
using static TsPmo.Core.Tests.Support.TestModules;

namespace TsPmo.Core.Tests.Modules;

public sealed class ModuleRegistryTests
{
    [Fact]
    public void Modules_are_in_dependency_order()
    {
        var registry = new ModuleRegistry([Module("scrum", "directory"), Module("directory")]);

        Assert.Equal(["directory", "scrum"], registry.Modules.Select(m => m.Id));
        Assert.Equal("scrum", registry.Find("scrum")?.Id);
        Assert.Null(registry.Find("kanban"));
    }

    [Fact]
    public void A_missing_dependency_faults_the_module_naming_the_dependency()
    {
        var registry = new ModuleRegistry([Module("risk", "ghost"), Module("other")]);

        var risk = registry.Find("risk")!;
        Assert.True(risk.IsFaulted);
        Assert.Contains("'ghost'", risk.Fault);
        Assert.Contains("not installed", risk.Fault);
        Assert.False(registry.Find("other")!.IsFaulted);
    }

    [Fact]
    public void A_missing_dependency_faults_dependants_transitively()
    {
        var registry = new ModuleRegistry([Module("top", "mid"), Module("mid", "ghost"), Module("base")]);

        Assert.True(registry.Find("mid")!.IsFaulted);
        Assert.True(registry.Find("top")!.IsFaulted);
        Assert.Contains("'mid'", registry.Find("top")!.Fault);
        Assert.False(registry.Find("base")!.IsFaulted);
    }

    [Fact]
    public void Fault_faults_every_transitive_dependant_and_nothing_else()
    {
        var registry = new ModuleRegistry([
            Module("reporting", "scrum"), Module("scrum", "directory"), Module("directory"), Module("risk", "directory"), Module("kanban"),
        ]);

        registry.Fault("scrum", "Its start hook failed.");

        Assert.Equal("Its start hook failed.", registry.Find("scrum")!.Fault);
        Assert.True(registry.Find("reporting")!.IsFaulted);
        Assert.Contains("'scrum'", registry.Find("reporting")!.Fault);
        Assert.Contains("faulted", registry.Find("reporting")!.Fault);
        Assert.False(registry.Find("directory")!.IsFaulted);
        Assert.False(registry.Find("risk")!.IsFaulted);
        Assert.False(registry.Find("kanban")!.IsFaulted);
    }

    [Fact]
    public void Fault_of_an_unknown_id_is_ignored()
    {
        var registry = new ModuleRegistry([Module("a")]);

        registry.Fault("nope", "x");

        Assert.False(registry.Find("a")!.IsFaulted);
    }

    [Fact]
    public void The_first_fault_is_kept()
    {
        var registry = new ModuleRegistry([Module("a")]);

        registry.Fault("a", "first");
        registry.Fault("a", "second");

        Assert.Equal("first", registry.Find("a")!.Fault);
    }

    [Fact]
    public void A_cycle_faults_its_modules_and_their_dependants()
    {
        var registry = new ModuleRegistry([Module("a", "b"), Module("b", "a"), Module("c", "a"), Module("d", "c"), Module("e")]);

        Assert.True(registry.Find("a")!.IsFaulted);
        Assert.True(registry.Find("b")!.IsFaulted);
        Assert.True(registry.Find("c")!.IsFaulted);
        Assert.True(registry.Find("d")!.IsFaulted);
        Assert.False(registry.Find("e")!.IsFaulted);
    }

    [Fact]
    public void A_duplicate_id_faults_the_second_and_keeps_the_first()
    {
        var first = Module("risk");
        var second = new InstalledModule(first.Manifest with { Name = "Impostor" }, null, new ModuleDeclaration(), "plugins/Other");

        var registry = new ModuleRegistry([first, second]);

        Assert.Same(first, registry.Find("risk"));
        Assert.False(first.IsFaulted);
        Assert.True(second.IsFaulted);
        Assert.Contains("'risk'", second.Fault);
        Assert.Contains(first.Location, second.Fault);
        Assert.Single(registry.Modules, m => m.Id == "risk");
    }

    [Fact]
    public void OwnerOf_is_null_for_core_types_when_modules_have_no_assembly()
    {
        var registry = new ModuleRegistry([Module("a")]);

        Assert.Null(registry.OwnerOf(typeof(ModuleRegistry).Assembly));
    }
}
