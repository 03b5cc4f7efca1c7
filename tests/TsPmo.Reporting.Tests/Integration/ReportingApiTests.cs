using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using TsPmo.Sdk.Modules;
using TsPmo.Sdk.Ports.Health;

namespace TsPmo.Reporting.Tests;

/// <summary>The Reporting API: health, KPIs with their counts, overrides, status reports, snapshots and series, bad input.</summary>
public sealed class ReportingApiTests
{
    private static async Task<long> CreateProjectAsync(HttpClient api, string code, string? target = null)
    {
        var response = await api.PostAsJsonAsync("/api/v1/projects", new { name = "Project " + code, code, methodology = "agile", startDate = "2026-01-05", targetDate = target });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("id").GetInt64();
    }

    [Fact]
    public async Task Health_lists_each_active_project_with_overall_dimensions_and_signals()
    {
        using var factory = new TsPmoFactory();
        var api = await factory.CreateAdminApiAsync();
        var id = await CreateProjectAsync(api, "HLT-1", "2026-01-10");

        var response = await api.GetAsync("/api/v1/reporting/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var project = (await response.JsonAsync()).EnumerateArray().Single(p => p.GetProperty("projectId").GetInt64() == id);
        // The target date passed with the work unfinished: reporting's own schedule signal is red, so the overall is red.
        Assert.Equal("Red", project.GetProperty("overall").GetString());
        var dimensions = project.GetProperty("dimensions");
        Assert.Equal(["cost", "quality", "risk", "schedule", "scope"], dimensions.EnumerateObject().Select(d => d.Name).Order().ToArray());
        Assert.Equal("Red", dimensions.GetProperty("schedule").GetString());
        Assert.Equal("NoData", dimensions.GetProperty("cost").GetString());
        var signal = project.GetProperty("signals").EnumerateArray().First(s => s.GetProperty("module").GetString() == "reporting");
        foreach (var field in new[] { "module", "name", "rag", "value", "explanation" }) Assert.True(signal.TryGetProperty(field, out _), field);
    }

    [Fact]
    public async Task Kpis_show_on_time_delivery_with_the_counts_behind_it()
    {
        using var factory = new TsPmoFactory();
        var api = await factory.CreateAdminApiAsync();
        await CloseAsync(factory, await CreateProjectAsync(api, "CLS-1", "2026-03-31"), "2026-03-20T10:00:00.0000000Z");
        await CloseAsync(factory, await CreateProjectAsync(api, "CLS-2", "2026-03-31"), "2026-04-15T10:00:00.0000000Z");
        await CloseAsync(factory, await CreateProjectAsync(api, "CLS-3", "2026-06-30"), "2026-06-30T10:00:00.0000000Z");
        await CreateProjectAsync(api, "ACT-1", "2027-06-30");

        var kpis = await (await api.GetAsync("/api/v1/reporting/kpis")).JsonAsync();
        var onTime = kpis.GetProperty("onTimeDelivery");
        Assert.Equal(3, onTime.GetProperty("closed").GetInt32());
        Assert.Equal(3, onTime.GetProperty("measured").GetInt32());
        Assert.Equal(2, onTime.GetProperty("onTime").GetInt32());
        Assert.Equal(66.7m, onTime.GetProperty("ratePercent").GetDecimal());
        Assert.False(kpis.GetProperty("customerSatisfaction").GetProperty("provided").GetBoolean());
        Assert.Equal(1, kpis.GetProperty("activeProjects").GetInt32());

        // The drill-down lists the projects behind the figure.
        var late = await (await api.GetAsync("/api/v1/reporting/projects?kpi=late-closed")).JsonAsync();
        Assert.Equal("CLS-2", Assert.Single(late.EnumerateArray()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await api.GetAsync("/api/v1/reporting/projects?kpi=nonsense")).StatusCode);
    }

    private static async Task CloseAsync(TsPmoFactory factory, long id, string closedAt)
    {
        await using var db = new SqliteConnection(factory.ConnectionString);
        await db.ExecuteAsync("UPDATE core_project SET phase = 'Closed', updated_at = @closedAt WHERE id = @id", new { id, closedAt });
        await db.ExecuteAsync("INSERT INTO core_phase_change (project_id, from_phase, to_phase, changed_by, changed_at) VALUES (@id, 'Closing', 'Closed', 'test', @closedAt)",
            new { id, closedAt });
    }

    [Fact]
    public async Task An_override_needs_a_comment_and_a_future_expiry_and_shows_wherever_the_rag_does()
    {
        using var factory = new TsPmoFactory();
        var api = await factory.CreateAdminApiAsync();
        var id = await CreateProjectAsync(api, "OVR-1", "2026-01-10");
        var url = $"/api/v1/projects/{id}/reporting/overrides";
        var tomorrow = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1).ToString("yyyy-MM-dd");

        var noComment = await api.PostAsJsonAsync(url, new { dimension = "schedule", rag = "Amber", comment = " ", expiresOn = tomorrow });
        Assert.Equal(HttpStatusCode.BadRequest, noComment.StatusCode);
        Assert.True((await noComment.JsonAsync()).GetProperty("errors").TryGetProperty("comment", out _));
        var past = await api.PostAsJsonAsync(url, new { dimension = "schedule", rag = "Amber", comment = "Vendor slipped", expiresOn = "2020-01-01" });
        Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);
        Assert.True((await past.JsonAsync()).GetProperty("errors").TryGetProperty("expiresOn", out _));
        Assert.Equal(HttpStatusCode.NotFound, (await api.PostAsJsonAsync("/api/v1/projects/999999/reporting/overrides",
            new { rag = "Amber", comment = "x", expiresOn = tomorrow })).StatusCode);

        var (member, _) = await factory.ApiAsAsync("member@example.com", "Member");
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostAsJsonAsync(url, new { dimension = "schedule", rag = "Amber", comment = "x", expiresOn = tomorrow })).StatusCode);

        var created = await api.PostAsJsonAsync(url, new { dimension = "schedule", rag = "Amber", comment = "Recovery plan agreed with the sponsor", expiresOn = tomorrow });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        // The cached portfolio view is rebuilt: the override's audit entry moved the change stamp.
        var project = (await (await api.GetAsync("/api/v1/reporting/health")).JsonAsync()).EnumerateArray().Single(p => p.GetProperty("projectId").GetInt64() == id);
        Assert.Equal("Amber", project.GetProperty("dimensions").GetProperty("schedule").GetString());
        Assert.Equal("Amber", project.GetProperty("overall").GetString());
        // The overall follows the overridden dimension (no other dimension has data); the override itself shows who and why.
        Assert.Equal("Amber", project.GetProperty("computedOverall").GetString());
        var shown = Assert.Single(project.GetProperty("overrides").EnumerateArray());
        Assert.Equal("Recovery plan agreed with the sponsor", shown.GetProperty("comment").GetString());
        Assert.False(string.IsNullOrEmpty(shown.GetProperty("createdBy").GetString()));

        var report = await (await api.PostAsJsonAsync($"/api/v1/projects/{id}/reporting/status-reports", new { summary = "On track again." })).JsonAsync();
        Assert.Contains("Recovery plan agreed with the sponsor", report.GetProperty("markdown").GetString());
    }

    [Fact]
    public async Task The_cache_stays_correct_after_an_edit_in_another_module()
    {
        using var factory = new TsPmoFactory();
        var api = await factory.CreateAdminApiAsync();
        var id = await CreateProjectAsync(api, "CCH-1", "2030-01-10");
        async Task<string?> RiskRag() => (await (await api.GetAsync("/api/v1/reporting/health")).JsonAsync()).EnumerateArray()
            .Single(p => p.GetProperty("projectId").GetInt64() == id).GetProperty("dimensions").GetProperty("risk").GetString();

        Assert.Equal("Green", await RiskRag());
        Assert.Equal("Green", await RiskRag()); // served from the cache
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync($"/api/v1/projects/{id}/risk/risks",
            new { title = "Card scheme certification fails", category = "Compliance", probability = 4, impact = 5 })).StatusCode);
        Assert.Equal("Red", await RiskRag());

        // Only the touched project is rebuilt; a project created now joins the view, the others keep their health.
        var added = await CreateProjectAsync(api, "CCH-2", "2026-02-01");
        var health = (await (await api.GetAsync("/api/v1/reporting/health")).JsonAsync()).EnumerateArray().ToDictionary(p => p.GetProperty("projectId").GetInt64());
        Assert.Equal("Red", health[added].GetProperty("dimensions").GetProperty("schedule").GetString());
        Assert.Equal("Red", health[id].GetProperty("dimensions").GetProperty("risk").GetString());
        Assert.Equal("Green", health[id].GetProperty("dimensions").GetProperty("schedule").GetString());

        // A change no audit entry records (a row written behind the API) still shows once the projects' stamp moves.
        await using (var db = new SqliteConnection(factory.ConnectionString))
            await db.ExecuteAsync("UPDATE core_project SET target_date = '2020-01-01', updated_at = '2099-01-01T00:00:00.0000000Z' WHERE id = @id", new { id });
        var schedule = (await (await api.GetAsync("/api/v1/reporting/health")).JsonAsync()).EnumerateArray()
            .Single(p => p.GetProperty("projectId").GetInt64() == id).GetProperty("dimensions").GetProperty("schedule").GetString();
        Assert.Equal("Red", schedule);
    }

    [Fact]
    public async Task Status_reports_are_versioned_with_markdown_and_html()
    {
        using var factory = new TsPmoFactory();
        var api = await factory.CreateAdminApiAsync();
        var id = await CreateProjectAsync(api, "RPT-1", "2030-01-10");
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync($"/api/v1/projects/{id}/risk/risks",
            new { title = "Card scheme certification fails", category = "Compliance", probability = 4, impact = 5 })).StatusCode);

        var first = await api.PostAsJsonAsync($"/api/v1/projects/{id}/reporting/status-reports", new { summary = "Sprint **went well**. <script>alert(1)</script>" });
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var body = await first.JsonAsync();
        Assert.True(body.GetProperty("id").GetInt64() > 0);
        Assert.Equal(1, body.GetProperty("version").GetInt32());
        var markdown = body.GetProperty("markdown").GetString()!;
        Assert.Contains("## Summary", markdown);
        Assert.Contains("## Health", markdown);
        Assert.Contains("## Risks", markdown); // the Risk module's section
        Assert.Contains("Card scheme certification fails", markdown);
        var html = body.GetProperty("html").GetString()!;
        Assert.Contains("<strong>went well</strong>", html);
        Assert.DoesNotContain("<script>", html);

        var second = await (await api.PostAsJsonAsync($"/api/v1/projects/{id}/reporting/status-reports", new { summary = "Week two." })).JsonAsync();
        Assert.Equal(2, second.GetProperty("version").GetInt32());
        var list = await (await api.GetAsync($"/api/v1/projects/{id}/reporting/status-reports")).JsonAsync();
        Assert.Equal([2, 1], list.EnumerateArray().Select(r => r.GetProperty("version").GetInt32()).ToArray());

        Assert.Equal(HttpStatusCode.NotFound, (await api.PostAsJsonAsync("/api/v1/projects/999999/reporting/status-reports", new { summary = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("/api/v1/projects/999999/reporting/status-reports")).StatusCode);

        var (viewer, _) = await factory.ApiAsAsync("viewer@example.com", "Viewer");
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsJsonAsync($"/api/v1/projects/{id}/reporting/status-reports", new { summary = "x" })).StatusCode);

        var pack = await api.GetStringAsync("/api/v1/reporting/pack");
        Assert.Contains("Week two.", pack);
    }

    [Fact]
    public async Task A_section_that_throws_is_named_in_the_report_and_the_rest_is_generated()
    {
        using var factory = new TsPmoFactory(["TsPmo.Fixtures.ThrowingSection"]);
        var api = await factory.CreateAdminApiAsync();
        var id = await CreateProjectAsync(api, "THR-1", "2030-01-10");

        var response = await api.PostAsJsonAsync($"/api/v1/projects/{id}/reporting/status-reports", new { summary = "Still here." });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var markdown = (await response.JsonAsync()).GetProperty("markdown").GetString()!;
        Assert.Contains("This section could not be generated (module Throwing section fixture): the fixture section exploded", markdown);
        Assert.Contains("## Exploding section", markdown);
        Assert.Contains("Still here.", markdown);
        Assert.Contains("## Project facts", markdown);
    }

    [Fact]
    public async Task Snapshots_fill_series_and_bad_series_requests_get_clear_problems()
    {
        using var factory = new TsPmoFactory();
        var api = await factory.CreateAdminApiAsync();
        var id = await CreateProjectAsync(api, "SNP-1", "2030-01-10");

        var taken = await api.PostAsync("/api/v1/reporting/snapshots", null);
        Assert.Equal(HttpStatusCode.OK, taken.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync("/api/v1/reporting/snapshots", null)).StatusCode); // same day: replaced, not doubled

        var series = await (await api.GetAsync($"/api/v1/reporting/series?projectId={id}&metric=reporting.percent_complete")).JsonAsync();
        var point = Assert.Single(series.EnumerateArray());
        Assert.Equal(0m, point.GetProperty("value").GetDecimal());
        Assert.Equal("%", point.GetProperty("unit").GetString());

        var unknownProject = await api.GetAsync("/api/v1/reporting/series?projectId=999999&metric=reporting.percent_complete");
        Assert.Equal(HttpStatusCode.NotFound, unknownProject.StatusCode);
        var unknownMetric = await api.GetAsync($"/api/v1/reporting/series?projectId={id}&metric=nope.nothing");
        Assert.Equal(HttpStatusCode.BadRequest, unknownMetric.StatusCode);
        Assert.Contains("not a metric", (await unknownMetric.JsonAsync()).GetProperty("errors").GetProperty("metric")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await api.GetAsync($"/api/v1/reporting/series?projectId={id}")).StatusCode);

        var csv = await api.GetStringAsync("/api/v1/reporting/exports/series.csv?metric=reporting.percent_complete");
        Assert.Contains("SNP-1", csv);
        var portfolio = await api.GetStringAsync("/api/v1/reporting/exports/portfolio.csv");
        Assert.Contains("Overall health", portfolio);
        Assert.Contains("SNP-1", portfolio);

        var (member, _) = await factory.ApiAsAsync("member@example.com", "Member");
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostAsync("/api/v1/reporting/snapshots", null)).StatusCode);
    }

    [Fact]
    public async Task Every_sources_batched_signals_equal_its_per_project_signals()
    {
        using var factory = new TsPmoFactory();
        var api = await factory.CreateAdminApiAsync();
        var kanban = await CreateProjectAsync(api, "BAT-1", "2030-01-10");
        var other = await CreateProjectAsync(api, "BAT-2", "2030-01-10");
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync($"/api/v1/projects/{kanban}/risk/risks",
            new { title = "Card scheme certification fails", category = "Compliance", probability = 4, impact = 5 })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync($"/api/v1/projects/{other}/risk/risks",
            new { title = "Key engineer leaves", category = "Resource", probability = 3, impact = 4 })).StatusCode);
        long[] ids = [kanban, other, 999_999];

        await using var scope = factory.Services.CreateAsyncScope();
        var sources = scope.ServiceProvider.GetRequiredService<IEnabledContributions<IHealthSignalSource>>().All;
        Assert.NotEmpty(sources);
        foreach (var source in sources)
        {
            var batched = await source.GetSignalsAsync(ids);
            Assert.Equal(ids.Order(), batched.Keys.Order());
            foreach (var id in ids)
                Assert.Equal(await source.GetSignalsAsync(id), batched[id]);
        }
    }
}
