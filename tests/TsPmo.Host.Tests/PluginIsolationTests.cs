using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using TsPmo.Core.Data;
using TsPmo.Host.Shell.Plugins;

namespace TsPmo.Host.Tests;

/// <summary>
/// Plugins cannot take the host down: hosted services and recurring jobs that throw, contributions whose constructor
/// throws, lifecycle guards that throw and migrations that write another owner's table all stay that module's problem.
/// </summary>
public sealed class PluginIsolationTests
{
    private const string Faulty = "TsPmo.Fixtures.FaultyParts";

    private sealed class ConfiguredFactory(string[] fixtures, Dictionary<string, string> settings) : TsPmoFactory(fixtures)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            foreach (var (key, value) in settings) builder.UseSetting(key, value);
        }
    }

    [Fact]
    public async Task Hosted_services_and_a_job_that_throw_leave_the_host_up_and_show_on_their_module()
    {
        using var factory = new ConfiguredFactory(
            [Faulty, "TsPmo.Fixtures.HostedServiceThrows", "TsPmo.Fixtures.BackgroundThrows"],
            new() { ["Jobs:fixture-faulty.explode:FirstRunAfterSeconds"] = "0", ["Jobs:fixture-faulty.explode:IntervalSeconds"] = "1" });
        var client = factory.CreateClient(); // the host started although a hosted service threw in StartAsync

        var modules = await WaitForHealthAsync(client, m =>
            m["fixture-background-throws"].GetProperty("status").GetString() == "Faulted"
            && Job(m["fixture-faulty"], "fixture-faulty.explode").GetProperty("failures").GetInt32() >= 2);

        AssertFaulted(modules["fixture-hosted-throws"], "Its hosted service ThrowsOnStart failed to start: InvalidOperationException: fixture hosted service could not start");
        AssertFaulted(modules["fixture-background-throws"], "Its hosted service DiesLater stopped with an error: InvalidOperationException: fixture background loop died");
        // A failing run is recorded, retried on schedule, and does not switch the module off.
        var faulty = modules["fixture-faulty"];
        Assert.Equal("Enabled", faulty.GetProperty("status").GetString());
        var job = Job(faulty, "fixture-faulty.explode");
        Assert.Equal("InvalidOperationException: fixture job exploded", job.GetProperty("lastError").GetString());
        Assert.NotEqual(JsonValueKind.Null, job.GetProperty("lastRunAt").ValueKind);
        Assert.Equal(JsonValueKind.Null, job.GetProperty("lastSuccessAt").ValueKind);

        // Every other module keeps working, and the shipped jobs are declared and healthy.
        Assert.Equal("Enabled", modules["risk"].GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, Job(modules["risk"], "risk.warning-feed").GetProperty("lastError").ValueKind);
        var api = await factory.CreateAdminApiAsync();
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync("/api/v1/projects", new { name = "Still serving", code = "UP-1", methodology = "agile" })).StatusCode);

        var browser = factory.CreateBrowserClient();
        await browser.SignInAsync(TsPmoFactory.AdminEmail, TsPmoFactory.AdminPassword);
        var page = WebUtility.HtmlDecode(await browser.GetStringAsync("/Admin/Modules"));
        Assert.Contains("fixture hosted service could not start", page);
        Assert.Contains("last run failed: InvalidOperationException: fixture job exploded", page);
    }

    [Fact]
    public async Task A_job_runs_only_while_its_module_is_enabled_and_only_where_the_lease_is_taken()
    {
        using var factory = new TsPmoFactory([Faulty]);
        var api = await factory.CreateAdminApiAsync();
        var jobs = factory.Services.GetRequiredService<RecurringJobRunner>();

        Assert.Equal(RecurringJobRunner.Outcome.Failed, await jobs.RunNowAsync("fixture-faulty.explode"));
        Assert.Equal(RecurringJobRunner.Outcome.UnknownJob, await jobs.RunNowAsync("fixture-faulty.nothing"));

        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync("/api/v1/modules/fixture-faulty/disable", null)).StatusCode);
        Assert.Equal(RecurringJobRunner.Outcome.ModuleOff, await jobs.RunNowAsync("fixture-faulty.explode"));
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync("/api/v1/modules/fixture-faulty/enable", null)).StatusCode);

        // Another host holds the lease: this one leaves the run to it.
        await using (var db = new SqliteConnection(factory.ConnectionString))
            await db.ExecuteAsync("UPDATE core_job_lease SET holder = 'other-host:1', until = '2999-01-01T00:00:00Z' WHERE name = 'fixture-faulty.explode'");
        Assert.Equal(RecurringJobRunner.Outcome.LeaseHeldElsewhere, await jobs.RunNowAsync("fixture-faulty.explode"));
        var job = Job((await HealthAsync(factory.CreateClient()))["fixture-faulty"], "fixture-faulty.explode");
        Assert.Equal(1, job.GetProperty("runs").GetInt32());
    }

    [Fact]
    public async Task Contributions_are_built_only_for_enabled_modules_and_one_that_cannot_be_built_is_skipped()
    {
        using var factory = new TsPmoFactory([Faulty]);
        var api = await factory.CreateAdminApiAsync();
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync("/api/v1/modules/fixture-faulty/disable", null)).StatusCode);
        var browser = factory.CreateBrowserClient();
        await browser.SignInAsync(TsPmoFactory.AdminEmail, TsPmoFactory.AdminPassword);
        var id = (await (await api.PostAsJsonAsync("/api/v1/projects", new { name = "Widgets", code = "WID-1", methodology = "agile" })).JsonAsync()).GetProperty("id").GetInt64();

        // Disabled: its widget and signal source are never constructed, so nothing fails.
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/Reporting")).StatusCode);
        Assert.Empty((await HealthAsync(factory.CreateClient()))["fixture-faulty"].GetProperty("problems").EnumerateArray());

        // Enabled: the constructors throw; the pages render everything else and the module shows the problem.
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync("/api/v1/modules/fixture-faulty/enable", null)).StatusCode);
        var home = await browser.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("Top risks", await home.Content.ReadAsStringAsync()); // the other modules' widgets are all there
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/Reporting")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync($"/Projects/{id}")).StatusCode);

        var health = await factory.CreateClient().GetAsync("/health");
        var json = await health.JsonAsync();
        Assert.Equal("Degraded", json.GetProperty("status").GetString());
        var problems = Modules(json)["fixture-faulty"].GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("message").GetString()).ToList();
        Assert.Contains(problems, p => p!.Contains("UnbuildableWidget could not be created and is skipped: InvalidOperationException: fixture widget could not be built"));
        Assert.Contains(problems, p => p!.Contains("UnbuildableSignals could not be created and is skipped: InvalidOperationException: fixture signals could not be built"));
        Assert.Equal("Enabled", Modules(json)["fixture-faulty"].GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_throwing_guard_fails_open_by_default_and_closed_when_the_setting_says_so()
    {
        using var factory = new TsPmoFactory([Faulty]);
        var api = await factory.CreateAdminApiAsync();
        var id = (await (await api.PostAsJsonAsync("/api/v1/projects", new { name = "Guarded", code = "GRD-1", methodology = "agile" })).JsonAsync()).GetProperty("id").GetInt64();

        // Open (default): the phase changes, and the failure is recorded on the guard's module.
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync($"/api/v1/projects/{id}/transitions", new { to = "Planning" })).StatusCode);
        var problem = Assert.Single((await HealthAsync(factory.CreateClient()))["fixture-faulty"].GetProperty("problems").EnumerateArray());
        Assert.Contains("ExplodingGuard failed on Initiation → Planning", problem.GetProperty("message").GetString());
        Assert.Contains("the change went ahead without it", problem.GetProperty("message").GetString());

        // Closed: the PMO's setting makes it refuse, naming the module, and nothing changes.
        var browser = factory.CreateBrowserClient();
        await browser.SignInAsync(TsPmoFactory.AdminEmail, TsPmoFactory.AdminPassword);
        Assert.Contains("Core settings", await browser.GetStringAsync("/Admin/Modules"));
        var saved = await browser.PostFormAsync("/Admin/ModuleSettings?id=core", "/Admin/ModuleSettings?id=core", ("Values[lifecycleGuardFailsClosed]", "true"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var refused = await api.PostAsJsonAsync($"/api/v1/projects/{id}/transitions", new { to = "Execution" });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var reasons = (await refused.JsonAsync()).GetProperty("reasons").EnumerateArray().Select(r => r.GetString()).ToList();
        Assert.Contains(reasons, r => r!.StartsWith("Module Faulty parts fixture could not check this transition."));
        Assert.Equal("Planning", (await (await api.GetAsync($"/api/v1/projects/{id}")).JsonAsync()).GetProperty("phase").GetString());

        // With the module off, its guard is not asked at all.
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync("/api/v1/modules/fixture-faulty/disable", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync($"/api/v1/projects/{id}/transitions", new { to = "Execution" })).StatusCode);
    }

    [Fact]
    public async Task A_migration_that_alters_a_core_table_is_refused_and_nothing_of_it_is_applied()
    {
        using var factory = new TsPmoFactory(["TsPmo.Fixtures.ForeignMigration"]);
        var module = (await HealthAsync(factory.CreateClient()))["fixture-foreign"];

        AssertFaulted(module, "Migration 0001_init.sql of module 'fixture-foreign' was refused: it writes core_project, which the module does not own");
        await using var db = new SqliteConnection(factory.ConnectionString);
        Assert.DoesNotContain("fixture_flag", await db.QueryAsync<string>("SELECT name FROM pragma_table_info('core_project')"));
        Assert.Equal(0, await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM sqlite_master WHERE name = 'fixture_foreign_note'"));
        Assert.Equal(0, await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM core_migration WHERE module_id = 'fixture-foreign'"));
    }

    [Theory]
    [InlineData("CREATE TABLE risk_x (id INTEGER PRIMARY KEY, p INTEGER REFERENCES core_project (id) ON DELETE CASCADE ON UPDATE CASCADE);", "")]
    [InlineData("CREATE INDEX ix_risk_x ON risk_x (p); INSERT INTO risk_x (p) SELECT id FROM core_project JOIN core_person ON 1 = 1;", "")]
    [InlineData("INSERT INTO risk_x (k) VALUES ('x') ON CONFLICT (k) DO UPDATE SET k = excluded.k; DROP TABLE IF EXISTS risk_old;", "")]
    [InlineData("-- UPDATE core_project SET x = 1\nINSERT INTO risk_x (note) VALUES ('DELETE FROM core_user');", "")]
    [InlineData("CREATE TRIGGER tr_risk AFTER UPDATE OF phase ON risk_x BEGIN UPDATE risk_y SET n = 1; END;", "")]
    [InlineData("ALTER TABLE core_project ADD COLUMN flag INTEGER;", "core_project")]
    [InlineData("UPDATE \"core_user\" SET role = 'Admin';", "core_user")]
    [InlineData("DELETE FROM main.core_audit;", "core_audit")]
    [InlineData("INSERT OR REPLACE INTO core_setting VALUES (1);", "core_setting")]
    [InlineData("CREATE INDEX ix_mine ON core_project (name);", "core_project")]
    [InlineData("CREATE TABLE IF NOT EXISTS scrum_item (id INTEGER);", "scrum_item")]
    [InlineData("DROP TABLE waterfall_task;", "waterfall_task")]
    [InlineData("CREATE TRIGGER tr_x AFTER INSERT ON core_project BEGIN INSERT INTO risk_x VALUES (1); END;", "core_project")]
    [InlineData("CREATE TABLE riskless (id INTEGER);", "riskless")]
    public void The_ownership_check_reads_what_a_migration_writes(string sql, string foreign)
    {
        Assert.Equal(foreign.Length == 0 ? [] : foreign.Split(','), MigrationOwnership.ForeignTables(sql, "risk_"));
    }

    private static JsonElement Job(JsonElement module, string name) =>
        module.GetProperty("jobs").EnumerateArray().Single(j => j.GetProperty("name").GetString() == name);

    private static void AssertFaulted(JsonElement module, string error)
    {
        Assert.Equal("Faulted", module.GetProperty("status").GetString());
        Assert.Contains(error, module.GetProperty("error").GetString());
    }

    private static Dictionary<string, JsonElement> Modules(JsonElement health) =>
        health.GetProperty("modules").EnumerateArray().ToDictionary(m => m.GetProperty("id").GetString()!);

    private static async Task<Dictionary<string, JsonElement>> HealthAsync(HttpClient client)
    {
        var response = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Modules(await response.JsonAsync());
    }

    private static async Task<Dictionary<string, JsonElement>> WaitForHealthAsync(HttpClient client, Func<Dictionary<string, JsonElement>, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var modules = await HealthAsync(client);
            if (done(modules) || DateTime.UtcNow > deadline) return modules;
            await Task.Delay(200);
        }
    }
}
