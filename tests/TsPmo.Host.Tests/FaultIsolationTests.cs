using System.Net;
using System.Net.Http.Json;
using Dapper;
using Microsoft.Data.Sqlite;
using TsPmo.Core.Data;

namespace TsPmo.Host.Tests;

/// <summary>Faulty plugins are faulted with their error; the host and every other module keep serving.</summary>
public sealed class FaultIsolationTests
{
    private static readonly string[] Fixtures =
    [
        "TsPmo.Fixtures.Throwing", "TsPmo.Fixtures.StartFails", "TsPmo.Fixtures.MissingDependency", "TsPmo.Fixtures.ChangedMigration",
    ];

    [Fact]
    public async Task Faulty_plugins_are_faulted_with_their_error_and_the_rest_keeps_serving()
    {
        using var factory = new TsPmoFactory(Fixtures);
        await SeedLedgerAsync(factory.ConnectionString, "fixture-changed", "0001_init.sql");

        var health = await factory.CreateClient().GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        var json = await health.JsonAsync();
        Assert.Equal("Degraded", json.GetProperty("status").GetString());
        var modules = json.GetProperty("modules").EnumerateArray().ToDictionary(m => m.GetProperty("id").GetString()!);

        Assert.Equal("Enabled", modules["announcements"].GetProperty("status").GetString());
        AssertFaulted(modules["fixture-throwing"], "fixture exploded while registering");
        AssertFaulted(modules["fixture-start-fails"], "fixture could not start");
        AssertFaulted(modules["fixture-missing-dep"], "'not-installed', which is not installed");
        AssertFaulted(modules["fixture-changed"], "0001_init.sql of module 'fixture-changed' was changed after it was applied");

        // The healthy module still works end to end.
        var api = await factory.CreateAdminApiAsync();
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync("/api/v1/announcements/", new { title = "Still here", body = "Yes." })).StatusCode);

        // Administrators see every error on the modules page.
        var browser = factory.CreateBrowserClient();
        await browser.SignInAsync(TsPmoFactory.AdminEmail, TsPmoFactory.AdminPassword);
        var page = WebUtility.HtmlDecode(await browser.GetStringAsync("/Admin/Modules"));
        Assert.Contains("fixture exploded while registering", page);
        Assert.Contains("fixture could not start", page);
        Assert.Contains("0001_init.sql", page);
        // A faulted module's menu entry is not shown.
        Assert.DoesNotContain("/start-fails", await browser.GetStringAsync("/"));
    }

    [Fact]
    public async Task A_faulted_module_cannot_be_enabled()
    {
        using var factory = new TsPmoFactory(["TsPmo.Fixtures.MissingDependency"]);
        var api = await factory.CreateAdminApiAsync();

        var response = await api.PostAsync("/api/v1/modules/fixture-missing-dep/enable", null);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("faulted", (await response.JsonAsync()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task An_edited_core_migration_stops_the_start_naming_module_and_file()
    {
        using var factory = new TsPmoFactory();
        await SeedLedgerAsync(factory.ConnectionString, "core", "0001_init.sql");

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        var migration = Unwrap(error);
        Assert.Equal("core", migration.ModuleId);
        Assert.Equal("0001_init.sql", migration.FileName);
        Assert.Contains("0001_init.sql of module 'core' was changed", migration.Message);
    }

    private static MigrationException Unwrap(Exception error)
    {
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            if (e is MigrationException m) return m;
            if (e is AggregateException a && a.InnerExceptions.OfType<MigrationException>().FirstOrDefault() is { } inner) return inner;
        }
        throw new Xunit.Sdk.XunitException($"Expected a MigrationException, got {error}");
    }

    private static void AssertFaulted(System.Text.Json.JsonElement module, string error)
    {
        Assert.Equal("Faulted", module.GetProperty("status").GetString());
        Assert.Contains(error, module.GetProperty("error").GetString());
    }

    /// <summary>Records a migration as applied with another checksum: as if its file was edited afterwards.</summary>
    private static async Task SeedLedgerAsync(string connectionString, string moduleId, string name)
    {
        await using var db = new SqliteConnection(connectionString);
        await db.ExecuteAsync("""
            CREATE TABLE IF NOT EXISTS core_migration (module_id TEXT NOT NULL, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL, PRIMARY KEY (module_id, name));
            INSERT INTO core_migration VALUES (@moduleId, @name, 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', '2026-01-01T00:00:00Z');
            """, new { moduleId, name });
    }
}
