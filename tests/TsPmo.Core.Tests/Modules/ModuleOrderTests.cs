using TsPmo.Core.Modules;
using static TsPmo.Core.Tests.Support.TestModules;

namespace TsPmo.Core.Tests.Modules;

public sealed class ModuleOrderTests
{
    private static List<string> Ids(IEnumerable<InstalledModule> modules) => modules.Select(m => m.Id).ToList();

    [Fact]
    public void Dependencies_come_before_their_dependants()
    {
        // reporting -> risk -> directory; reporting -> directory. Given in the worst order.
        var sorted = ModuleOrder.Sort([Module("reporting", "risk", "directory"), Module("risk", "directory"), Module("directory")]);

        Assert.Equal(["directory", "risk", "reporting"], Ids(sorted));
        Assert.All(sorted, m => Assert.False(m.IsFaulted));
    }

    [Fact]
    public void Independent_modules_are_ordered_by_id()
    {
        var sorted = ModuleOrder.Sort([Module("zeta"), Module("alpha"), Module("mid")]);

        Assert.Equal(["alpha", "mid", "zeta"], Ids(sorted));
    }

    [Fact]
    public void Every_module_follows_all_of_its_dependencies()
    {
        var modules = new[]
        {
            Module("e", "d", "b"), Module("d", "c"), Module("c", "a"), Module("b", "a"), Module("a"), Module("f", "e", "c"),
        };

        var ids = Ids(ModuleOrder.Sort(modules));

        Assert.Equal(modules.Length, ids.Count);
        foreach (var module in modules)
            foreach (var dependency in module.Manifest.DependsOn)
                Assert.True(ids.IndexOf(dependency) < ids.IndexOf(module.Id), $"{dependency} should come before {module.Id}");
    }

    [Fact]
    public void A_cycle_faults_every_module_in_it_and_places_them_last()
    {
        var a = Module("a", "b");
        var b = Module("b", "c");
        var c = Module("c", "a");
        var free = Module("z-free");

        var sorted = ModuleOrder.Sort([a, b, c, free]);

        Assert.Equal("z-free", sorted[0].Id);
        Assert.False(free.IsFaulted);
        Assert.All([a, b, c], m =>
        {
            Assert.True(m.IsFaulted);
            Assert.Contains("cycle", m.Fault);
        });
    }

    [Fact]
    public void A_module_depending_on_itself_through_one_step_is_a_cycle()
    {
        var a = Module("a", "b");
        var b = Module("b", "a");
        var outside = Module("c", "a");

        ModuleOrder.Sort([a, b, outside]);

        Assert.True(a.IsFaulted);
        Assert.True(b.IsFaulted);
        Assert.False(outside.IsFaulted); // faulted later by the registry, as a dependant of a faulted module
    }

    [Fact]
    public void A_missing_dependency_does_not_stop_the_sort()
    {
        var sorted = ModuleOrder.Sort([Module("risk", "ghost"), Module("base")]);

        Assert.Equal(["base", "risk"], Ids(sorted));
    }
}
