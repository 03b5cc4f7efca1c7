using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using TsPmo.Core.Seeding;
using TsPmo.Sdk.Modules;
using TsPmo.Sdk.Ports.Health;
using TsPmo.Sdk.Ports.Methodology;
using TsPmo.Sdk.Ports.Reporting;
using TsPmo.Sdk.Ports.Resources;
using TsPmo.Sdk.Ports.Seeding;
using static TsPmo.Scrum.Tests.ScrumApiTests;

namespace TsPmo.Scrum.Tests;

/// <summary>What the Scrum module tells the rest of TsPmo through the SDK ports.</summary>
public sealed class ScrumPortsTests
{
    [Fact]
    public async Task Progress_work_demand_signals_status_section_widget_and_the_closing_handler()
    {
        var (factory, api, id) = await ScrumProjectAsync("POR-1");
        using var _ = factory;
        var today = Today(factory);
        var person = (await (await api.PostAsJsonAsync("/api/v1/people", new { name = "Grace Hopper", email = "grace@example.com", weeklyCapacityHours = 40 })).JsonAsync()).GetProperty("id").GetInt64();
        var done = await ItemAsync(api, id, "Checkout", 5, 10);
        var open = await ItemAsync(api, id, "Invoices", 15, 40);
        await api.PatchAsJsonAsync($"/api/v1/projects/{id}/scrum/items/{open}", new { assigneeId = person });
        var sprint = await SprintAsync(api, id, "Sprint 1", today, today.AddDays(13), capacity: 10);
        foreach (var itemId in new[] { done, open }) await api.PostAsJsonAsync($"/api/v1/projects/{id}/scrum/sprints/{sprint}/items", new { itemId });
        await api.PostAsync($"/api/v1/projects/{id}/scrum/sprints/{sprint}/start", null);
        await api.PatchAsJsonAsync($"/api/v1/projects/{id}/scrum/items/{done}", new { status = "Done" });
        // Two bugs without points (so the point totals below stay as they are), one of them fixed.
        foreach (var (title, status) in new[] { ("Crash on login", "Done"), ("Typo in invoice", "ToDo") })
        {
            var bug = (await (await api.PostAsJsonAsync($"/api/v1/projects/{id}/scrum/items", new { title, type = "Bug", points = 0 })).JsonAsync()).GetProperty("id").GetInt64();
            if (status == "Done") Assert.True((await api.PatchAsJsonAsync($"/api/v1/projects/{id}/scrum/items/{bug}", new { status })).IsSuccessStatusCode);
        }

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var methodology = scope.ServiceProvider.GetRequiredService<IEnabledContributions<IMethodology>>().All.Single(m => m.ModuleId == "scrum");
            var progress = await methodology.GetProgressAsync(id);
            Assert.Equal(25m, progress.PercentComplete); // 5 of 20 points
            Assert.Equal(15m, progress.RemainingWork);
            Assert.Equal("points", progress.WorkUnit);
            Assert.Equal((2, 1), (progress.DefectsTotal, progress.DefectsOpen));
            Assert.Equal($"/Projects/{id}/Scrum/Backlog", methodology.PlanUrl(id));

            var demand = new List<WorkDemand>();
            foreach (var source in scope.ServiceProvider.GetRequiredService<IEnabledContributions<IWorkDemandSource>>().All)
                demand.AddRange(await source.GetDemandAsync(today.AddDays(-7), today.AddDays(28)));
            var mine = demand.Where(d => d.PersonId == person && d.ProjectId == id).ToList();
            Assert.NotEmpty(mine);
            Assert.Equal(40m, Math.Round(mine.Sum(d => d.Hours), 1)); // the open item's 40 hours, spread over the sprint's weeks

            var signals = new List<HealthSignal>();
            foreach (var source in scope.ServiceProvider.GetRequiredService<IEnabledContributions<IHealthSignalSource>>().All)
                signals.AddRange(await source.GetSignalsAsync(id));
            var commitment = Assert.Single(signals, s => s.ModuleId == "scrum" && s.Name == "Commitment");
            Assert.NotEqual(Rag.Green, commitment.Rag); // 20 points against a capacity of 10
            Assert.Contains(signals, s => s.ModuleId == "scrum" && s.Name == "Burndown");
            Assert.Contains(signals, s => s.ModuleId == "scrum" && s.Name == "Velocity");

            var metrics = new List<MetricValue>();
            foreach (var source in scope.ServiceProvider.GetRequiredService<IEnabledContributions<IMetricSource>>().All)
                metrics.AddRange(await source.CaptureAsync(id));
            Assert.Equal(15m, Assert.Single(metrics, m => m.Metric == "scrum.remaining_points").Value);

            var section = scope.ServiceProvider.GetRequiredService<IEnabledContributions<IStatusReportSection>>().All.Single(s => s.Title == "Sprint (Scrum)");
            var markdown = await section.RenderMarkdownAsync(id);
            Assert.Contains("Goal: Ship Sprint 1", markdown);
            Assert.Contains("Done: 1 item(s), 5 points. Remaining: 1 item(s), 15 points.", markdown);
            Assert.Contains("of 20 points remain", markdown);
        }

        var browser = factory.CreateBrowserClient();
        await browser.SignInAsync(TsPmoFactory.AdminEmail, TsPmoFactory.AdminPassword);
        var home = await browser.GetStringAsync("/");
        Assert.Contains("Scrum sprints", home);
        Assert.Contains($"/Projects/{id}/Scrum/Sprints/{sprint}/Report", home);

        // Closing the project completes its active sprint.
        foreach (var to in new[] { "Planning", "Execution", "Closing", "Closed" })
            await api.PostAsJsonAsync($"/api/v1/projects/{id}/transitions", new { to });
        Assert.Equal("Closed", await factory.ScalarTextAsync("SELECT phase FROM core_project WHERE id = @id", new { id }));
        Assert.Equal("Completed", await factory.ScalarTextAsync("SELECT state FROM scrum_sprint WHERE id = @sprint", new { sprint }));
    }

    [Fact]
    public async Task The_demo_seed_gives_scrum_projects_history_an_active_sprint_a_backlog_and_retros()
    {
        using var factory = new TsPmoFactory();
        var api = await factory.CreateAdminApiAsync();
        await using (var scope = factory.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<PortfolioSeeder>().SeedAsync(SeedSize.Demo, force: true);

        var id = await factory.ScalarAsync("SELECT project_id FROM scrum_sprint WHERE state = 'Active' ORDER BY project_id LIMIT 1");
        Assert.True(id > 0, "No seeded Scrum project has an active sprint.");
        Assert.True(await factory.ScalarAsync("SELECT COUNT(*) FROM scrum_sprint WHERE project_id = @id AND state = 'Completed'", new { id }) >= 3);
        Assert.True(await factory.ScalarAsync("SELECT COUNT(*) FROM scrum_item WHERE project_id = @id AND sprint_id IS NULL", new { id }) >= 10);
        Assert.True(await factory.ScalarAsync("SELECT COUNT(*) FROM scrum_retro_action WHERE project_id = @id AND status <> 'Done'", new { id }) >= 1);

        var velocity = await (await api.GetAsync($"/api/v1/projects/{id}/scrum/velocity")).JsonAsync();
        Assert.True(velocity.GetProperty("sprints").GetArrayLength() >= 3);
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, velocity.GetProperty("forecast").GetProperty("date85").ValueKind);
        var active = await factory.ScalarAsync("SELECT id FROM scrum_sprint WHERE project_id = @id AND state = 'Active'", new { id });
        var days = (await (await api.GetAsync($"/api/v1/projects/{id}/scrum/sprints/{active}/burndown")).JsonAsync()).GetProperty("days").EnumerateArray().ToList();
        var known = days.Where(d => d.GetProperty("remainingPoints").ValueKind != System.Text.Json.JsonValueKind.Null).ToList();
        Assert.True(known.Count >= 7, $"{known.Count} known days");
        Assert.True(known[^1].GetProperty("remainingPoints").GetDecimal() < known[0].GetProperty("remainingPoints").GetDecimal(), "The active sprint is burning down.");

        var browser = factory.CreateBrowserClient();
        await browser.SignInAsync(TsPmoFactory.AdminEmail, TsPmoFactory.AdminPassword);
        foreach (var page in new[] { "Backlog", "Sprints", "Board", "Velocity", $"Sprints/{active}", $"Sprints/{active}/Report", $"Sprints/{active}/Retro" })
        {
            var response = await browser.GetAsync($"/Projects/{id}/Scrum/{page}");
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{page}: {response.StatusCode}");
        }
    }
}
