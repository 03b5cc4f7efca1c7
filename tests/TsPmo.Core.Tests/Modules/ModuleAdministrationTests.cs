using Dapper;
using TsPmo.Core.Audit;
using TsPmo.Core.Modules;
using TsPmo.Core.Tests.Support;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Ports.Events;
using static TsPmo.Core.Tests.Support.TestModules;

namespace TsPmo.Core.Tests.Modules;

public sealed class ModuleAdministrationTests : IAsyncLifetime
{
    private readonly TestDatabase _db = new();
    private readonly RecordingEventPublisher _events = new();
    private readonly FakeCurrentUser _user = new() { DisplayName = "Grace Admin", UserId = 3 };
    private readonly ModuleRegistry _registry;
    private readonly ModuleStateStore _store;
    private readonly ModuleAdministration _admin;

    public ModuleAdministrationTests()
    {
        // directory (on by default) <- risk (on) <- reporting (on); archive (off by default) <- archive-export (on, but needs archive)
        _registry = new ModuleRegistry([
            Module("directory"),
            Module("risk", "directory"),
            Module("reporting", "risk"),
            Module("archive", enabledByDefault: false),
            Module("archive-export", enabledByDefault: true, "archive"),
            Module("broken", "ghost"),
        ]);
        _store = new ModuleStateStore(_db.Connections, TimeProvider.System);
        _admin = new ModuleAdministration(_registry, _store, new ModuleCatalog(_registry, _store), _db.Connections, new AuditLog(_user, TimeProvider.System), _user, _events, TimeProvider.System);
    }

    public async Task InitializeAsync()
    {
        await _db.InitializeAsync();
        await _db.MigrateCoreAsync();
        await _store.RecordNewModulesAsync(_registry);
    }

    public Task DisposeAsync() => _db.DisposeAsync();

    private Task<HashSet<string>> EnabledAsync() => _store.LoadEnabledAsync();

    private async Task<List<(string EntityId, string Action, string UserName)>> AuditAsync()
    {
        await using var connection = await _db.OpenAsync();
        return (await connection.QueryAsync<(string, string, string)>(
            "SELECT entity_id, action, user_name FROM core_audit WHERE entity_type = 'module' ORDER BY id")).ToList();
    }

    [Fact]
    public async Task RecordNewModulesAsync_enables_modules_on_by_default_whose_dependencies_are_on()
    {
        Assert.Equal(["directory", "reporting", "risk"], (await EnabledAsync()).Order(StringComparer.Ordinal));
        // Recorded, but off: off by default, or needing a module that is off. Faulted modules are not recorded.
        var recorded = await _db.ScalarAsync<long>("SELECT COUNT(*) FROM core_module_state");
        Assert.Equal(5L, recorded);
        Assert.Equal("system", await _db.ScalarAsync<string>("SELECT changed_by FROM core_module_state WHERE module_id = 'risk'"));
    }

    [Fact]
    public async Task RecordNewModulesAsync_keeps_the_choices_already_made()
    {
        await _admin.DisableAsync("reporting");

        await _store.RecordNewModulesAsync(_registry);

        Assert.DoesNotContain("reporting", await EnabledAsync());
    }

    [Fact]
    public async Task Enabling_a_module_whose_dependency_is_off_is_refused_and_changes_nothing()
    {
        var before = await EnabledAsync();

        var ex = await Assert.ThrowsAsync<ModuleRuleException>(() => _admin.EnableAsync("archive-export"));

        Assert.Contains(NameOf("archive"), ex.Message);
        Assert.Equal(before, await EnabledAsync());
        Assert.Empty(await AuditAsync());
        Assert.Empty(_events.Published);
    }

    [Fact]
    public async Task Disabling_a_module_an_enabled_module_depends_on_is_refused_and_changes_nothing()
    {
        var before = await EnabledAsync();

        var ex = await Assert.ThrowsAsync<ModuleRuleException>(() => _admin.DisableAsync("directory"));

        Assert.Contains(NameOf("risk"), ex.Message);
        Assert.DoesNotContain(NameOf("reporting"), ex.Message); // depends on risk, not on directory
        Assert.Equal(before, await EnabledAsync());
        Assert.Empty(await AuditAsync());
        Assert.Empty(_events.Published);
    }

    [Fact]
    public async Task Disable_then_enable_is_audited_and_published()
    {
        await _admin.DisableAsync("reporting");
        Assert.DoesNotContain("reporting", await EnabledAsync());
        Assert.Equal("Grace Admin", await _db.ScalarAsync<string>("SELECT changed_by FROM core_module_state WHERE module_id = 'reporting'"));

        await _admin.EnableAsync("reporting");
        Assert.Contains("reporting", await EnabledAsync());

        Assert.Equal([("reporting", "disabled", "Grace Admin"), ("reporting", "enabled", "Grace Admin")], await AuditAsync());
        Assert.Collection(_events.Published,
            e => Assert.Equal(("reporting", false), (((ModuleToggled)e).ModuleId, ((ModuleToggled)e).Enabled)),
            e => Assert.Equal(("reporting", true), (((ModuleToggled)e).ModuleId, ((ModuleToggled)e).Enabled)));
    }

    [Fact]
    public async Task A_chain_can_be_switched_off_from_the_top_and_on_from_the_bottom()
    {
        await _admin.DisableAsync("reporting");
        await _admin.DisableAsync("risk");
        await _admin.DisableAsync("directory");
        Assert.Empty(await EnabledAsync());

        await Assert.ThrowsAsync<ModuleRuleException>(() => _admin.EnableAsync("risk"));
        await _admin.EnableAsync("directory");
        await _admin.EnableAsync("risk");

        Assert.Equal(["directory", "risk"], (await EnabledAsync()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Enabling_an_enabled_module_does_nothing()
    {
        await _admin.EnableAsync("risk");

        Assert.Empty(await AuditAsync());
        Assert.Empty(_events.Published);
    }

    [Fact]
    public async Task An_unknown_module_is_not_found()
    {
        await Assert.ThrowsAsync<NotFoundException>(() => _admin.EnableAsync("kanban"));
        await Assert.ThrowsAsync<NotFoundException>(() => _admin.DisableAsync("kanban"));
    }

    [Fact]
    public async Task A_faulted_module_cannot_be_enabled()
    {
        var ex = await Assert.ThrowsAsync<ModuleRuleException>(() => _admin.EnableAsync("broken"));
        Assert.Contains("faulted", ex.Message);
        Assert.Contains("'ghost'", ex.Message);

        Assert.DoesNotContain("broken", await EnabledAsync());
        Assert.Empty(await AuditAsync());
        Assert.Empty(_events.Published);
    }

    [Fact]
    public async Task A_faulted_dependant_can_be_disabled_so_its_dependency_can_be_too()
    {
        _registry.Fault("reporting", "Its start hook failed.");
        await Assert.ThrowsAsync<ModuleRuleException>(() => _admin.DisableAsync("risk"));

        await _admin.DisableAsync("reporting");
        await _admin.DisableAsync("risk");

        var enabled = await EnabledAsync();
        Assert.DoesNotContain("reporting", enabled);
        Assert.DoesNotContain("risk", enabled);
        Assert.Equal([("reporting", "disabled", "Grace Admin"), ("risk", "disabled", "Grace Admin")], await AuditAsync());
    }
}
