using System.Diagnostics;
using Dapper;
using Microsoft.Data.Sqlite;

namespace TsPmo.Host.Tests;

/// <summary>The host's command line, run as a real process the way an operator runs it.</summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "tspmo-cli-" + Guid.NewGuid().ToString("N"));

    public CommandLineTests() => Directory.CreateDirectory(_folder);

    [Fact]
    public async Task Migrate_creates_the_database_and_exits()
    {
        var db = Path.Combine(_folder, "data", "cli.db");
        var (code, output) = await RunHostAsync(["migrate"], db);

        Assert.Equal(0, code);
        Assert.Contains("up to date", output);
        await using var connection = new SqliteConnection($"Data Source={db}");
        Assert.Contains("core", await connection.QueryAsync<string>("SELECT DISTINCT module_id FROM core_migration"));
        Assert.Contains("announcements", await connection.QueryAsync<string>("SELECT DISTINCT module_id FROM core_migration"));
    }

    [Fact]
    public async Task Backup_copies_a_running_database_and_refuses_to_overwrite()
    {
        using var factory = new TsPmoFactory();
        var api = await factory.CreateAdminApiAsync();
        await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(api, "/api/v1/announcements/", new { title = "Backed up", body = "Yes." });

        var backup = Path.Combine(_folder, "backup.db");
        var (code, _) = await RunHostAsync(["backup", backup], factory.DatabasePath);
        Assert.Equal(0, code);
        await using (var copy = new SqliteConnection($"Data Source={backup};Mode=ReadOnly;Pooling=false"))
            Assert.Equal("Backed up", await copy.ExecuteScalarAsync<string>("SELECT title FROM announcements_item"));

        var (again, error) = await RunHostAsync(["backup", backup], factory.DatabasePath);
        Assert.NotEqual(0, again);
        Assert.Contains("already exists", error);
    }

    [Fact]
    public async Task Seed_demo_builds_a_living_portfolio_once_and_force_replaces_it()
    {
        var db = Path.Combine(_folder, "demo.db");
        var plugins = PluginsWithMethodology();

        var (code, output) = await RunHostAsync(["seed", "demo"], db, plugins);
        Assert.True(code == 0, output);
        Assert.Contains("Seeded 25 people, 12 projects", output);
        await using (var connection = new SqliteConnection($"Data Source={db};Pooling=false"))
        {
            var phases = (await connection.QueryAsync<string>("SELECT DISTINCT phase FROM core_project")).ToHashSet();
            Assert.Equal(7, phases.Count);
            Assert.True(await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM core_phase_change") > 12);
            Assert.Equal(12, await connection.ExecuteScalarAsync<long>("SELECT COUNT(DISTINCT project_id) FROM core_document"));
            Assert.Equal(0, await connection.ExecuteScalarAsync<long>(
                "SELECT COUNT(*) FROM core_project p WHERE NOT EXISTS (SELECT 1 FROM core_project_member m WHERE m.project_id = p.id AND m.role = 'Manager')"));
        }

        var (again, refused) = await RunHostAsync(["seed", "demo"], db, plugins);
        Assert.NotEqual(0, again);
        Assert.Contains("--force", refused);

        var (forced, _) = await RunHostAsync(["seed", "demo", "--force"], db, plugins);
        Assert.Equal(0, forced);
        await using (var connection = new SqliteConnection($"Data Source={db};Pooling=false"))
            Assert.Equal(12, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM core_project"));
    }

    [Fact]
    public async Task Seed_refuses_without_a_methodology()
    {
        var noPlugins = Directory.CreateDirectory(Path.Combine(_folder, "no-plugins")).FullName;
        var (code, output) = await RunHostAsync(["seed", "demo"], Path.Combine(_folder, "none.db"), noPlugins);

        Assert.NotEqual(0, code);
        Assert.Contains("No methodology module is enabled", output);
    }

    private string PluginsWithMethodology()
    {
        var plugins = Path.Combine(_folder, "plugins");
        TestFolders.Copy(Path.Combine(AppContext.BaseDirectory, "plugins"), plugins);
        TestFolders.Copy(Path.Combine(AppContext.BaseDirectory, "fixture-plugins", "TsPmo.Fixtures.Methodology"), Path.Combine(plugins, "TsPmo.Fixtures.Methodology"));
        return plugins;
    }

    private async Task<(int Code, string Output)> RunHostAsync(string[] args, string databasePath, string? pluginsPath = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "TsPmo.Host.dll"));
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["ConnectionStrings__TsPmo"] = $"Data Source={databasePath}";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        if (pluginsPath is not null) start.Environment["Plugins__Path"] = pluginsPath;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
