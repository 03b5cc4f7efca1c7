using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;

namespace TsPmo.Host.Tests;

public sealed class ProjectsApiTests
{
    private static readonly string[] Methodology = ["TsPmo.Fixtures.Methodology"];

    private static object NewProject(string code = "CRM-24", string name = "CRM replacement") => new
    {
        name, code, methodology = "fixture-method", startDate = "2026-01-05", targetDate = "2026-09-30",
        budget = new { amount = 250000.50m, currency = "EUR" }, businessValue = 4, strategicImportance = 5, tags = new[] { "sales", "crm" },
    };

    [Fact]
    public async Task Create_answers_201_with_id_phase_and_version_in_api_conventions()
    {
        using var factory = new TsPmoFactory(Methodology);
        var api = await factory.CreateAdminApiAsync();

        var response = await api.PostAsJsonAsync("/api/v1/projects", NewProject());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var json = await response.JsonAsync();
        Assert.True(json.GetProperty("id").GetInt64() > 0);
        Assert.Equal("Initiation", json.GetProperty("phase").GetString());
        Assert.Equal(1, json.GetProperty("version").GetInt64());
        Assert.Equal("2026-01-05", json.GetProperty("startDate").GetString());
        Assert.Equal(250000.50m, json.GetProperty("budget").GetProperty("amount").GetDecimal());
        Assert.Equal("fixture-method", json.GetProperty("methodology").GetString());
        Assert.Equal(response.Headers.Location?.OriginalString, $"/api/v1/projects/{json.GetProperty("id").GetInt64()}");

        await using var db = new SqliteConnection(factory.ConnectionString);
        Assert.Equal(25000050, await db.ExecuteScalarAsync<long>("SELECT budget_minor FROM core_project"));
    }

    [Fact]
    public async Task Bad_input_is_a_400_with_field_errors_and_nothing_written()
    {
        using var factory = new TsPmoFactory(Methodology);
        var api = await factory.CreateAdminApiAsync();
        await api.PostAsJsonAsync("/api/v1/projects", NewProject());

        var response = await api.PostAsJsonAsync("/api/v1/projects", new
        {
            name = "", code = "crm-24", methodology = "nope", startDate = "2026-05-01", targetDate = "2026-04-01",
            budget = new { amount = -5m, currency = "EUR" }, businessValue = 9,
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        foreach (var field in new[] { "name", "code", "methodologyId", "targetDate", "budget", "businessValue" })
            Assert.True(errors.TryGetProperty(field, out _), $"expected an error for {field}: {errors}");
        Assert.Contains("already used", errors.GetProperty("code")[0].GetString());
        await using var db = new SqliteConnection(factory.ConnectionString);
        Assert.Equal(1, await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM core_project"));
    }

    [Fact]
    public async Task Without_an_enabled_methodology_the_message_tells_an_admin_what_to_do()
    {
        using var factory = new TsPmoFactory();
        var api = await factory.CreateAdminApiAsync();
        foreach (var methodology in new[] { "agile", "scrum", "waterfall" })
            Assert.Equal(HttpStatusCode.OK, (await api.PostAsync($"/api/v1/modules/{methodology}/disable", null)).StatusCode);

        var response = await api.PostAsJsonAsync("/api/v1/projects", NewProject());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Admin → Modules", (await response.JsonAsync()).GetProperty("errors").GetProperty("methodologyId")[0].GetString());
    }

    [Fact]
    public async Task List_filters_pages_and_sorts()
    {
        using var factory = new TsPmoFactory(Methodology);
        var api = await factory.CreateAdminApiAsync();
        for (var i = 1; i <= 7; i++)
            Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync("/api/v1/projects", NewProject($"P-{i}", $"Project {i:00}"))).StatusCode);
        var third = await GetIdAsync(api, "P-3");
        await api.PostAsJsonAsync($"/api/v1/projects/{third}/transitions", new { to = "Planning" });

        var page2 = await (await api.GetAsync("/api/v1/projects?pageSize=3&page=2&sort=Name")).JsonAsync();
        Assert.Equal(7, page2.GetProperty("total").GetInt32());
        Assert.Equal(["Project 04", "Project 05", "Project 06"], page2.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("name").GetString()));

        var planning = await (await api.GetAsync("/api/v1/projects?phase=Planning")).JsonAsync();
        Assert.Equal("P-3", Assert.Single(planning.GetProperty("items").EnumerateArray()).GetProperty("code").GetString());

        var text = await (await api.GetAsync("/api/v1/projects?q=ject%2007&methodology=fixture-method")).JsonAsync();
        Assert.Equal(1, text.GetProperty("total").GetInt32());

        var desc = await (await api.GetAsync("/api/v1/projects?sort=Code&desc=true&pageSize=1")).JsonAsync();
        Assert.Equal("P-7", desc.GetProperty("items")[0].GetProperty("code").GetString());

        Assert.Equal(HttpStatusCode.BadRequest, (await api.GetAsync("/api/v1/projects?pageSize=5000")).StatusCode);
    }

    [Fact]
    public async Task Stale_update_is_a_409_and_the_newer_change_is_kept()
    {
        using var factory = new TsPmoFactory(Methodology);
        var api = await factory.CreateAdminApiAsync();
        var id = (await (await api.PostAsJsonAsync("/api/v1/projects", NewProject())).JsonAsync()).GetProperty("id").GetInt64();

        var first = await api.PutAsJsonAsync($"/api/v1/projects/{id}", Edit("First edit", 1));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(2, (await first.JsonAsync()).GetProperty("version").GetInt64());

        var stale = await api.PutAsJsonAsync($"/api/v1/projects/{id}", Edit("Stale edit", 1));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType?.MediaType);

        var now = await (await api.GetAsync($"/api/v1/projects/{id}")).JsonAsync();
        Assert.Equal("First edit", now.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Many_concurrent_edits_lose_nothing()
    {
        const int editors = 24;
        using var factory = new TsPmoFactory(Methodology);
        var api = await factory.CreateAdminApiAsync();
        var id = (await (await api.PostAsJsonAsync("/api/v1/projects", NewProject())).JsonAsync()).GetProperty("id").GetInt64();
        var conflicts = 0;

        // Each editor reads, appends its own line and saves; on 409 it reads again and retries, as a person would.
        await Task.WhenAll(Enumerable.Range(0, editors).Select(async editor =>
        {
            for (var attempt = 0; attempt < 200; attempt++)
            {
                var current = await (await api.GetAsync($"/api/v1/projects/{id}")).JsonAsync();
                var description = current.GetProperty("description").GetString() + $"edit {editor}\n";
                var response = await api.PutAsJsonAsync($"/api/v1/projects/{id}", new
                {
                    name = "CRM replacement", code = "CRM-24", methodology = "fixture-method", description,
                    version = current.GetProperty("version").GetInt64(),
                });
                if (response.StatusCode == HttpStatusCode.OK) return;
                Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
                Interlocked.Increment(ref conflicts);
            }
            Assert.Fail($"editor {editor} never got its edit in");
        }));

        var final = await (await api.GetAsync($"/api/v1/projects/{id}")).JsonAsync();
        var lines = final.GetProperty("description").GetString()!.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(Enumerable.Range(0, editors).Select(e => $"edit {e}").Order(), lines.Order());
        Assert.Equal(1 + editors, final.GetProperty("version").GetInt64());
        Assert.True(conflicts > 0, "the editors never collided, so the test proved nothing");
        await using var db = new SqliteConnection(factory.ConnectionString);
        Assert.Equal(editors, await db.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM core_audit WHERE entity_type = 'project' AND action = 'updated' AND entity_id = @id", new { id = id.ToString() }));
    }

    [Fact]
    public async Task Transitions_follow_the_rules_and_guards_and_are_recorded()
    {
        using var factory = new TsPmoFactory(Methodology);
        var api = await factory.CreateAdminApiAsync();
        var id = (await (await api.PostAsJsonAsync("/api/v1/projects", NewProject())).JsonAsync()).GetProperty("id").GetInt64();

        var skip = await api.PostAsJsonAsync($"/api/v1/projects/{id}/transitions", new { to = "Closed" });
        Assert.Equal(HttpStatusCode.Conflict, skip.StatusCode);
        Assert.Contains("Planning", (await skip.JsonAsync()).GetProperty("reasons")[0].GetString());

        var noReason = await api.PostAsJsonAsync($"/api/v1/projects/{id}/transitions", new { to = "OnHold" });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);

        foreach (var to in new[] { "Planning", "Execution" })
            Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync($"/api/v1/projects/{id}/transitions", new { to, reason = "Gate passed" })).StatusCode);

        var hold = await api.PostAsJsonAsync($"/api/v1/projects/{id}/transitions", new { to = "OnHold", reason = "Vendor contract paused" });
        Assert.Equal("OnHold", (await hold.JsonAsync()).GetProperty("phase").GetString());
        var resume = await api.PostAsJsonAsync($"/api/v1/projects/{id}/transitions", new { to = "Execution", reason = "Contract signed" });
        Assert.Equal(HttpStatusCode.OK, resume.StatusCode);

        var vetoed = await api.PostAsJsonAsync($"/api/v1/projects/{id}/transitions", new { to = "Closing" });
        Assert.Equal(HttpStatusCode.Conflict, vetoed.StatusCode);
        Assert.Equal("The fixture method never lets a project close.", (await vetoed.JsonAsync()).GetProperty("reasons")[0].GetString());

        var phases = await (await api.GetAsync($"/api/v1/projects/{id}/phases")).JsonAsync();
        Assert.Equal(["Initiation", "Planning", "Execution", "OnHold", "Execution"], phases.EnumerateArray().Select(p => p.GetProperty("toPhase").GetString()));
        Assert.Equal("Vendor contract paused", phases[3].GetProperty("reason").GetString());
        Assert.Equal("Administrator", phases[3].GetProperty("changedBy").GetString());
    }

    [Fact]
    public async Task Audit_lists_a_projects_changes_newest_first()
    {
        using var factory = new TsPmoFactory(Methodology);
        var api = await factory.CreateAdminApiAsync();
        var id = (await (await api.PostAsJsonAsync("/api/v1/projects", NewProject())).JsonAsync()).GetProperty("id").GetInt64();
        await api.PostAsJsonAsync($"/api/v1/projects/{id}/transitions", new { to = "Planning" });

        var entries = await (await api.GetAsync($"/api/v1/audit?entity=project&entityId={id}")).JsonAsync();

        Assert.Equal(["phase changed", "created"], entries.EnumerateArray().Select(e => e.GetProperty("action").GetString()));
        var created = JsonDocument.Parse(entries[1].GetProperty("afterJson").GetString()!).RootElement;
        Assert.Equal("CRM-24", created.GetProperty("code").GetString());
        Assert.Equal("Administrator", entries[0].GetProperty("userName").GetString());
    }

    private static object Edit(string name, long version) => new { name, code = "CRM-24", methodology = "fixture-method", version };

    private static async Task<long> GetIdAsync(HttpClient api, string code) =>
        (await (await api.GetAsync($"/api/v1/projects?q={code}")).JsonAsync()).GetProperty("items")[0].GetProperty("id").GetInt64();
}
