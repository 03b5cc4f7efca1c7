using Dapper;
using TsPmo.Core.Data;
using TsPmo.Core.Tests.Support;

namespace TsPmo.Core.Tests.Data;

public sealed class MigrationRunnerTests : IAsyncLifetime
{
    private readonly TestDatabase _db = new();
    private readonly MigrationRunner _runner;

    public MigrationRunnerTests() => _runner = new MigrationRunner(_db.Connections, TimeProvider.System);

    public Task InitializeAsync() => _db.InitializeAsync();

    public Task DisposeAsync() => _db.DisposeAsync();

    private static MigrationScript Script(string name, string sql, string moduleId = "demo") => new(moduleId, name, sql);

    private static readonly MigrationScript Init = Script("0001_init.sql", "CREATE TABLE demo_item (id INTEGER PRIMARY KEY, title TEXT NOT NULL);");

    // Needs 0001 to have run first.
    private static readonly MigrationScript AddDue = Script("0002_due.sql", "ALTER TABLE demo_item ADD COLUMN due TEXT NULL;");

    private async Task<List<(string Name, string Checksum)>> LedgerAsync(string moduleId = "demo")
    {
        await using var connection = await _db.OpenAsync();
        return (await connection.QueryAsync<(string, string)>(
            "SELECT name, checksum FROM core_migration WHERE module_id = @moduleId ORDER BY rowid", new { moduleId })).ToList();
    }

    [Fact]
    public async Task Applies_every_script_in_order_and_records_it_with_its_checksum()
    {
        var ran = await _runner.ApplyAsync("demo", [Init, AddDue]);

        Assert.Equal(2, ran);
        Assert.Equal([("0001_init.sql", Init.Checksum), ("0002_due.sql", AddDue.Checksum)], await LedgerAsync());
        await using var connection = await _db.OpenAsync();
        await connection.ExecuteAsync("INSERT INTO demo_item (title, due) VALUES ('a', '2025-01-01')");
    }

    [Fact]
    public async Task Applies_each_script_once()
    {
        await _runner.ApplyAsync("demo", [Init]);

        Assert.Equal(1, await _runner.ApplyAsync("demo", [Init, AddDue]));
        Assert.Equal(0, await _runner.ApplyAsync("demo", [Init, AddDue]));
        Assert.Equal(2, (await LedgerAsync()).Count);
    }

    [Fact]
    public async Task Ledgers_of_different_modules_are_separate()
    {
        await _runner.ApplyAsync("demo", [Init]);

        var other = Script("0001_init.sql", "CREATE TABLE other_item (id INTEGER PRIMARY KEY);", "other");
        Assert.Equal(1, await _runner.ApplyAsync("other", [other]));
        Assert.Single(await LedgerAsync("other"));
    }

    [Fact]
    public async Task A_changed_applied_script_is_refused_and_nothing_further_runs()
    {
        await _runner.ApplyAsync("demo", [Init]);
        var edited = Script("0001_init.sql", "CREATE TABLE demo_item (id INTEGER PRIMARY KEY, title TEXT NOT NULL, extra TEXT);");

        var ex = await Assert.ThrowsAsync<MigrationException>(() => _runner.ApplyAsync("demo", [edited, AddDue]));

        Assert.Equal("demo", ex.ModuleId);
        Assert.Equal("0001_init.sql", ex.FileName);
        Assert.Contains("'demo'", ex.Message);
        Assert.Contains("0001_init.sql", ex.Message);
        Assert.Equal([("0001_init.sql", Init.Checksum)], await LedgerAsync());
        Assert.Equal(0L, await _db.ScalarAsync<long>("SELECT COUNT(*) FROM pragma_table_info('demo_item') WHERE name = 'due'"));
    }

    [Fact]
    public async Task A_script_differing_only_in_line_endings_is_not_a_change()
    {
        await _runner.ApplyAsync("demo", [Script("0001_init.sql", "CREATE TABLE demo_a (id INTEGER);\nCREATE TABLE demo_b (id INTEGER);\n")]);

        var ran = await _runner.ApplyAsync("demo", [Script("0001_init.sql", "CREATE TABLE demo_a (id INTEGER);\r\nCREATE TABLE demo_b (id INTEGER);\r\n")]);

        Assert.Equal(0, ran);
    }

    [Fact]
    public async Task A_failing_script_is_rolled_back_completely()
    {
        var broken = Script("0002_broken.sql", """
            CREATE TABLE demo_half (id INTEGER PRIMARY KEY);
            INSERT INTO demo_item (title) VALUES ('written before the failure');
            INSERT INTO demo_missing (id) VALUES (1);
            """);
        var later = Script("0003_later.sql", "CREATE TABLE demo_later (id INTEGER);");

        var ex = await Assert.ThrowsAsync<MigrationException>(() => _runner.ApplyAsync("demo", [Init, broken, later]));

        Assert.Equal("demo", ex.ModuleId);
        Assert.Equal("0002_broken.sql", ex.FileName);
        Assert.Contains("'demo'", ex.Message);
        Assert.Contains("0002_broken.sql", ex.Message);
        Assert.Contains("demo_missing", ex.Message);
        Assert.NotNull(ex.InnerException);
        // The script before it stays applied (one transaction each); its own work and later scripts do not.
        Assert.True(await _db.TableExistsAsync("demo_item"));
        Assert.Equal(0L, await _db.ScalarAsync<long>("SELECT COUNT(*) FROM demo_item"));
        Assert.False(await _db.TableExistsAsync("demo_half"));
        Assert.False(await _db.TableExistsAsync("demo_later"));
        Assert.Equal([("0001_init.sql", Init.Checksum)], await LedgerAsync());
    }

    [Fact]
    public async Task A_fixed_script_applies_after_a_failure()
    {
        await Assert.ThrowsAsync<MigrationException>(() => _runner.ApplyAsync("demo", [Script("0001_init.sql", "CREATE TABLE demo_item (id INTEGER PRIMARY KEY); SELECT * FROM nowhere;")]));

        Assert.Equal(1, await _runner.ApplyAsync("demo", [Init]));
    }

    [Fact]
    public async Task A_table_without_the_module_prefix_is_refused_and_rolled_back()
    {
        var foreign = Script("0001_init.sql", "CREATE TABLE demo_ok (id INTEGER); CREATE TABLE other_x (id INTEGER);");

        var ex = await Assert.ThrowsAsync<MigrationException>(() => _runner.ApplyAsync("demo", [foreign]));

        Assert.Equal("demo", ex.ModuleId);
        Assert.Equal("0001_init.sql", ex.FileName);
        Assert.Contains("other_x", ex.Message);
        Assert.Contains("'demo_'", ex.Message);
        Assert.False(await _db.TableExistsAsync("other_x"));
        Assert.False(await _db.TableExistsAsync("demo_ok"));
        Assert.Empty(await LedgerAsync());
    }

    [Fact]
    public async Task A_table_named_like_the_module_without_the_underscore_is_refused() =>
        await Assert.ThrowsAsync<MigrationException>(() =>
            _runner.ApplyAsync("demo", [Script("0001_init.sql", "CREATE TABLE demoitems (id INTEGER);")]));

    [Theory]
    [InlineData("demo", "demo_")]
    [InlineData("risk-register", "risk_register_")]
    [InlineData("a-b-c", "a_b_c_")]
    public void TablePrefix_is_the_id_with_underscores(string moduleId, string prefix) =>
        Assert.Equal(prefix, MigrationRunner.TablePrefix(moduleId));

    [Fact]
    public async Task A_module_id_with_a_dash_owns_tables_with_an_underscore()
    {
        var ok = Script("0001_init.sql", "CREATE TABLE risk_register_item (id INTEGER);", "risk-register");
        Assert.Equal(1, await _runner.ApplyAsync("risk-register", [ok]));
        Assert.True(await _db.TableExistsAsync("risk_register_item"));

        var dashed = Script("0002_dashed.sql", "CREATE TABLE \"risk-register_other\" (id INTEGER);", "risk-register");
        await Assert.ThrowsAsync<MigrationException>(() => _runner.ApplyAsync("risk-register", [ok, dashed]));
        Assert.False(await _db.TableExistsAsync("risk-register_other"));
    }

    [Fact]
    public async Task Core_migrations_apply_once_and_create_the_core_tables()
    {
        Assert.True(await _db.MigrateCoreAsync() >= 1);
        Assert.Equal(0, await _db.MigrateCoreAsync());

        foreach (var table in new[] { "core_module_state", "core_setting", "core_user", "core_api_token", "core_audit", "core_dataprotection_key" })
            Assert.True(await _db.TableExistsAsync(table), table);
        Assert.Contains(await LedgerAsync("core"), r => r.Name == "0001_init.sql");
    }
}
