using TsPmo.Sdk.Modules;

namespace TsPmo.Sdk.Tests.Modules;

public sealed class MenuEntryTests
{
    [Fact]
    public void HrefFor_puts_the_project_id_in_place_of_the_placeholder()
    {
        var entry = new MenuEntry("Board", "/projects/{projectId}/scrum/board", MenuPlacement.ProjectTab);

        Assert.Equal("/projects/42/scrum/board", entry.HrefFor(42));
    }

    [Fact]
    public void HrefFor_replaces_every_placeholder()
    {
        var entry = new MenuEntry("Odd", "/p/{projectId}?back=/projects/{projectId}", MenuPlacement.ProjectTab);

        Assert.Equal("/p/7?back=/projects/7", entry.HrefFor(7));
    }

    [Fact]
    public void HrefFor_leaves_a_link_without_placeholder_unchanged() =>
        Assert.Equal("/risks", new MenuEntry("Risks", "/risks").HrefFor(42));

    [Fact]
    public void HrefFor_writes_large_ids_without_separators() =>
        Assert.Equal("/projects/1234567890123", new MenuEntry("P", "/projects/{projectId}").HrefFor(1234567890123));
}
