using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using TsPmo.Sdk.Modules;
using TsPmo.Sdk.Ports.Health;
using TsPmo.Sdk.Ports.Methodology;
using TsPmo.Sdk.Ports.Reporting;
using TsPmo.Sdk.Ports.Resources;

namespace TsPmo.Waterfall.Tests;

/// <summary>Baselines (at most 11, variance), earned value at a status date, and what the module tells the rest of TsPmo through its ports.</summary>
public sealed class WaterfallBaselineEvmTests
{
    [Fact]
    public async Task Eleven_baselines_are_kept_and_the_twelfth_is_refused_with_a_clear_message()
    {
        var (factory, api, id) = await WaterfallPlanApiTests.WaterfallProjectAsync();
        using var __ = factory;
        var empty = await api.PostAsJsonAsync($"/api/v1/projects/{id}/waterfall/baselines", new { name = "Too early" });
        Assert.Equal(HttpStatusCode.Conflict, empty.StatusCode);
        await WaterfallPlanApiTests.TaskAsync(api, id, new { name = "Work", durationDays = 2 });
        for (var i = 1; i <= 11; i++)
            Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync($"/api/v1/projects/{id}/waterfall/baselines", new { name = $"Baseline {i}" })).StatusCode);
        var twelfth = await api.PostAsJsonAsync($"/api/v1/projects/{id}/waterfall/baselines", new { name = "Baseline 12" });
        Assert.Equal(HttpStatusCode.Conflict, twelfth.StatusCode);
        Assert.Contains("already has 11 baselines", (await twelfth.JsonAsync()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await api.PostAsJsonAsync($"/api/v1/projects/{id}/waterfall/baselines", new { name = "" })).StatusCode);
        Assert.Equal(11, (await (await api.GetAsync($"/api/v1/projects/{id}/waterfall/baselines")).JsonAsync()).GetArrayLength());
    }

    [Fact]
    public async Task Variance_and_earned_value_against_a_baseline_at_a_status_date()
    {
        var (factory, api, id) = await WaterfallPlanApiTests.WaterfallProjectAsync();
        using var __ = factory;
        // 10 working days from Monday 2 March, budget 10,000: PV 1,000 a day.
        var task = await WaterfallPlanApiTests.TaskAsync(api, id, new { name = "Build", durationDays = 10, plannedCost = 10000 });
        var taskId = task.GetProperty("id").GetInt64();
        var baseline = await (await api.PostAsJsonAsync($"/api/v1/projects/{id}/waterfall/baselines", new { name = "Approved" })).JsonAsync();
        Assert.Equal("2026-03-02", baseline.GetProperty("start").GetString());
        Assert.Equal("2026-03-13", baseline.GetProperty("finish").GetString());

        // Five days in, 40 % done for 4,500.
        Assert.Equal(HttpStatusCode.OK, (await api.PatchAsJsonAsync($"/api/v1/projects/{id}/waterfall/tasks/{taskId}",
            new { percentComplete = 40, actualStart = "2026-03-02", actualCost = 4500 })).StatusCode);
        var evm = await (await api.GetAsync($"/api/v1/projects/{id}/waterfall/evm?statusDate=2026-03-06")).JsonAsync();
        Assert.Equal("2026-03-06", evm.GetProperty("statusDate").GetString());
        Assert.Equal("Approved", evm.GetProperty("baseline").GetProperty("name").GetString());
        Assert.Equal(10000m, evm.GetProperty("bac").GetDecimal());
        Assert.Equal(5000m, evm.GetProperty("pv").GetDecimal());
        Assert.Equal(4000m, evm.GetProperty("ev").GetDecimal());
        Assert.Equal(4500m, evm.GetProperty("ac").GetDecimal());
        Assert.Equal(-1000m, evm.GetProperty("sv").GetDecimal());
        Assert.Equal(-500m, evm.GetProperty("cv").GetDecimal());
        Assert.Equal(0.8m, evm.GetProperty("spi").GetDecimal());
        Assert.Equal(0.889m, evm.GetProperty("cpi").GetDecimal());
        Assert.Equal(11250m, evm.GetProperty("eac").GetDecimal());
        Assert.Equal(6750m, evm.GetProperty("etc").GetDecimal());
        Assert.Equal(-1250m, evm.GetProperty("vac").GetDecimal());
        Assert.Equal(1.091m, evm.GetProperty("tcpi").GetDecimal());
        Assert.Equal(10000m, evm.GetProperty("curve").EnumerateArray().Last().GetProperty("pv").GetDecimal());

        // The plan slips a week: the variance says so in working days.
        Assert.Equal(HttpStatusCode.OK, (await api.PatchAsJsonAsync($"/api/v1/projects/{id}/waterfall/tasks/{taskId}", new { durationDays = 15 })).StatusCode);
        var variance = await (await api.GetAsync($"/api/v1/projects/{id}/waterfall/variance")).JsonAsync();
        var row = variance.GetProperty("tasks")[0];
        Assert.Equal(0m, row.GetProperty("startVarianceDays").GetDecimal());
        Assert.Equal(5m, row.GetProperty("finishVarianceDays").GetDecimal());

        Assert.Equal(HttpStatusCode.BadRequest, (await api.GetAsync($"/api/v1/projects/{id}/waterfall/evm?statusDate=06/03/2026")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/projects/{id}/waterfall/evm?statusDate=2026-03-06&baselineId=999")).StatusCode);
    }

    [Fact]
    public async Task Ports_report_progress_work_demand_signals_and_a_status_section()
    {
        var (factory, api, id) = await WaterfallPlanApiTests.WaterfallProjectAsync("2025-01-06");
        using var __ = factory;
        var person = (await (await api.PostAsJsonAsync("/api/v1/people", new { name = "Robin Planner", email = "robin@example.com", weeklyCapacityHours = 40 })).JsonAsync()).GetProperty("id").GetInt64();
        // Two weeks of work by Robin, 80 hours, then a milestone — all long past, nothing done: late and missed.
        var work = (await WaterfallPlanApiTests.TaskAsync(api, id, new { name = "Design", durationDays = 10, plannedCost = 8000,
            assignments = new[] { new { personId = person, hours = 80 } } })).GetProperty("id").GetInt64();
        await WaterfallPlanApiTests.TaskAsync(api, id, new { name = "Design approved", milestone = true, predecessors = new[] { new { taskId = work, type = "FS" } } });
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync($"/api/v1/projects/{id}/waterfall/baselines", new { name = "Approved" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.PatchAsJsonAsync($"/api/v1/projects/{id}/waterfall/tasks/{work}", new { percentComplete = 25, actualCost = 4000 })).StatusCode);

        await using var scope = factory.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var methodology = services.GetRequiredService<IEnabledContributions<IMethodology>>().All.Single(m => m.ModuleId == "waterfall");
        Assert.Equal($"/Projects/{id}/Waterfall/Gantt", methodology.PlanUrl(id));
        var progress = await methodology.GetProgressAsync(id);
        Assert.Equal(25m, progress.PercentComplete); // EV 2,000 of BAC 8,000
        Assert.Equal(60m, progress.RemainingWork);
        Assert.Equal("hours", progress.WorkUnit);
        Assert.Equal(new DateOnly(2025, 1, 17), progress.PlannedFinish);
        Assert.Equal(400_000, progress.ActualCostMinor); // 4,000.00 spent on Design

        var demand = new List<WorkDemand>();
        foreach (var source in services.GetRequiredService<IEnabledContributions<IWorkDemandSource>>().All)
            demand.AddRange((await source.GetDemandAsync(new DateOnly(2025, 1, 1), new DateOnly(2025, 2, 28))).Where(d => d.ProjectId == id));
        // 80 hours over the 10 scheduled working days: 40 a week for two weeks.
        Assert.Equal([(new DateOnly(2025, 1, 6), 40m), (new DateOnly(2025, 1, 13), 40m)], demand.Select(d => (d.WeekStart, d.Hours)).ToArray());
        Assert.All(demand, d => Assert.Equal(person, d.PersonId));

        var signals = new List<HealthSignal>();
        foreach (var source in services.GetRequiredService<IEnabledContributions<IHealthSignalSource>>().All) signals.AddRange(await source.GetSignalsAsync(id));
        Assert.Equal(Rag.Red, signals.Single(s => s.Name == "Schedule performance (SPI)").Rag);
        Assert.Equal(Rag.Red, signals.Single(s => s.Name == "Cost performance (CPI)").Rag);
        Assert.Equal(Rag.Red, signals.Single(s => s.Name == "Late critical tasks").Rag);
        Assert.Contains("Design approved", signals.Single(s => s.Name == "Milestones and deadlines").Explanation);

        var section = services.GetRequiredService<IEnabledContributions<IStatusReportSection>>().All.Single(s => s.Title == "Schedule (Waterfall)");
        var markdown = await section.RenderMarkdownAsync(id);
        Assert.Contains("| Design approved | 2025-01-17 | 2025-01-17 | **missed** |", markdown);
        Assert.Contains("Critical path (2 tasks): Design → Design approved.", markdown);
        Assert.Contains("| BAC | PV | EV | AC |", markdown);

        var browser = factory.CreateBrowserClient();
        await browser.SignInAsync(TsPmoFactory.AdminEmail, TsPmoFactory.AdminPassword);
        var home = await browser.GetStringAsync("/");
        Assert.Contains("Upcoming milestones", home);
        Assert.Contains("Design approved", home);
    }
}
