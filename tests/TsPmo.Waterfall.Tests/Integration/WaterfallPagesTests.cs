using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using TsPmo.Sdk.Modules;
using TsPmo.Sdk.Ports.Lifecycle;
using TsPmo.Sdk.Ports.Seeding;

namespace TsPmo.Waterfall.Tests;

/// <summary>The Waterfall pages over the demo plan, forms that refuse bad input with a message, and the export download.</summary>
public sealed class WaterfallPagesTests
{
    [Fact]
    public async Task The_demo_plan_renders_on_every_page_and_bad_form_input_is_shown_next_to_the_field()
    {
        var (factory, api, id) = await WaterfallPlanApiTests.WaterfallProjectAsync("2026-09-07");
        using var __ = factory;
        var people = new List<long>();
        foreach (var name in new[] { "Ana Demo", "Ben Demo" })
            people.Add((await (await api.PostAsJsonAsync("/api/v1/people", new { name, weeklyCapacityHours = 40 })).JsonAsync()).GetProperty("id").GetInt64());
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var seeder = scope.ServiceProvider.GetRequiredService<IEnabledContributions<IDemoSeeder>>().All.Single(s => s.GetType().Name == "WaterfallDemoSeeder");
            await seeder.SeedAsync(new SeedContext(SeedSize.Demo,
                [new SeedProject(id, "WH", "Warehouse move", "waterfall", LifecyclePhase.Execution, new DateOnly(2026, 9, 7), new DateOnly(2026, 12, 18), people)],
                [], new Random(7), new DateOnly(2026, 10, 15)));
        }
        Assert.Equal(32, await factory.ScalarAsync("SELECT COUNT(*) FROM waterfall_task WHERE project_id = @id", new { id }));
        Assert.Equal(1, await factory.ScalarAsync("SELECT COUNT(*) FROM waterfall_baseline WHERE project_id = @id", new { id }));
        Assert.True(await factory.ScalarAsync("SELECT COUNT(*) FROM waterfall_task WHERE project_id = @id AND percent_complete = 100", new { id }) > 5);
        Assert.Equal(4, await factory.ScalarAsync("SELECT COUNT(DISTINCT link_type) FROM waterfall_link WHERE project_id = @id", new { id }));
        var evm = await (await api.GetAsync($"/api/v1/projects/{id}/waterfall/evm?statusDate=2026-10-15")).JsonAsync();
        Assert.True(evm.GetProperty("ev").GetDecimal() > 0 && evm.GetProperty("ac").GetDecimal() > evm.GetProperty("ev").GetDecimal());

        var browser = factory.CreateBrowserClient();
        await browser.SignInAsync(TsPmoFactory.AdminEmail, TsPmoFactory.AdminPassword);
        var taskId = await factory.ScalarAsync("SELECT id FROM waterfall_task WHERE project_id = @id AND name = 'Migration scripts'", new { id });
        foreach (var (page, expected) in new[]
        {
            ("Plan", "Extract and map legacy data"), ("Gantt", "Approved plan"), ("Calendar", "Working week"), ("Baselines", "Variance against"),
            ("EarnedValue", "Budget at completion"), ("Import", "Replace the current plan"), ($"Tasks/{taskId}", "value=\"13SS"),
        })
        {
            var html = await browser.GetStringAsync($"/Projects/{id}/Waterfall/{page}");
            Assert.True(html.Contains(expected), $"{page} lacks {expected}");
        }
        var export = await browser.GetAsync($"/Projects/{id}/Waterfall/Import?handler=Export");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Contains("Migration scripts", await export.Content.ReadAsStringAsync());

        var badWeek = await browser.PostFormAsync($"/Projects/{id}/Waterfall/Calendar", $"/Projects/{id}/Waterfall/Calendar?handler=Week",
            ("Week[Monday]", "nine to five"), ("HoursPerDay", "8"));
        Assert.Equal(HttpStatusCode.OK, badWeek.StatusCode);
        Assert.Contains("write working times like 08:00-12:00", await badWeek.Content.ReadAsStringAsync());

        // Row 2 (Stakeholder interviews) depending on row 4 (its own successor's successor) is a cycle.
        var cycle = await browser.PostFormAsync($"/Projects/{id}/Waterfall/Plan", $"/Projects/{id}/Waterfall/Plan?handler=Add",
            ("NewTask.Name", "Loop"), ("NewTask.DurationDays", "1"), ("NewTask.Predecessors", "x"));
        Assert.Contains("is not a predecessor", await cycle.Content.ReadAsStringAsync());
        Assert.Equal(32, await factory.ScalarAsync("SELECT COUNT(*) FROM waterfall_task WHERE project_id = @id", new { id }));

        // A holiday moves the plan.
        var before = await factory.ScalarTextAsync("SELECT MAX(early_finish) FROM waterfall_task WHERE project_id = @id", new { id });
        var holiday = await browser.PostFormAsync($"/Projects/{id}/Waterfall/Calendar", $"/Projects/{id}/Waterfall/Calendar?handler=AddException",
            ("NewException.Name", "Company day"), ("NewException.From", "2026-11-02"), ("NewException.To", "2026-11-06"), ("NewException.Working", ""));
        Assert.Equal(HttpStatusCode.Redirect, holiday.StatusCode);
        Assert.True(string.CompareOrdinal(await factory.ScalarTextAsync("SELECT MAX(early_finish) FROM waterfall_task WHERE project_id = @id", new { id }), before) > 0);
    }
}
