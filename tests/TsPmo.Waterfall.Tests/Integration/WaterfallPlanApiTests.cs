using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace TsPmo.Waterfall.Tests;

/// <summary>The Waterfall module's task and schedule API over a real database, with hand-checked dates (Standard calendar, 8 h days).</summary>
public sealed class WaterfallPlanApiTests
{
    internal static async Task<(TsPmoFactory Factory, HttpClient Api, long ProjectId)> WaterfallProjectAsync(string start = "2026-03-02")
    {
        var factory = new TsPmoFactory();
        var api = await factory.CreateAdminApiAsync();
        var response = await api.PostAsJsonAsync("/api/v1/projects", new { name = "Warehouse move", code = "WH-" + Guid.NewGuid().ToString("N")[..6], methodology = "waterfall", startDate = start,
            targetDate = DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture).AddDays(120).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (factory, api, (await response.JsonAsync()).GetProperty("id").GetInt64());
    }

    internal static async Task<JsonElement> TaskAsync(HttpClient api, long projectId, object body)
    {
        var response = await api.PostAsJsonAsync($"/api/v1/projects/{projectId}/waterfall/tasks", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }

    internal static async Task<JsonElement> ScheduleAsync(HttpClient api, long projectId) =>
        await (await api.GetAsync($"/api/v1/projects/{projectId}/waterfall/schedule")).JsonAsync();

    private static JsonElement Row(JsonElement schedule, long id) => schedule.GetProperty("tasks").EnumerateArray().Single(t => t.GetProperty("id").GetInt64() == id);

    [Fact]
    public async Task A_three_day_task_runs_monday_to_wednesday_its_successor_starts_thursday_and_a_milestone_sits_on_wednesday()
    {
        var (factory, api, id) = await WaterfallProjectAsync();
        using var __ = factory;
        var design = (await TaskAsync(api, id, new { name = "Design", durationDays = 3 })).GetProperty("id").GetInt64();
        var build = (await TaskAsync(api, id, new { name = "Build", durationDays = 2, predecessors = new[] { new { taskId = design, type = "FS", lagDays = 0 } } })).GetProperty("id").GetInt64();
        var signed = (await TaskAsync(api, id, new { name = "Design signed off", milestone = true, predecessors = new[] { new { taskId = design, type = "FS" } } })).GetProperty("id").GetInt64();

        var schedule = await ScheduleAsync(api, id);
        Assert.Equal("2026-03-02", schedule.GetProperty("start").GetString());
        Assert.Equal("2026-03-06", schedule.GetProperty("finish").GetString());
        var d = Row(schedule, design);
        Assert.Equal("2026-03-02", d.GetProperty("earlyStart").GetString());
        Assert.Equal("2026-03-04", d.GetProperty("earlyFinish").GetString());
        Assert.Equal("2026-03-02T08:00:00", d.GetProperty("earlyStartAt").GetString());
        Assert.Equal("2026-03-04T17:00:00", d.GetProperty("earlyFinishAt").GetString());
        Assert.True(d.GetProperty("critical").GetBoolean());
        var b = Row(schedule, build);
        Assert.Equal("2026-03-05", b.GetProperty("earlyStart").GetString());
        Assert.Equal("2026-03-06", b.GetProperty("earlyFinish").GetString());
        var m = Row(schedule, signed);
        Assert.Equal("2026-03-04", m.GetProperty("earlyStart").GetString());
        Assert.Equal("2026-03-04", m.GetProperty("earlyFinish").GetString());
        Assert.True(m.GetProperty("milestone").GetBoolean());
        Assert.False(m.GetProperty("critical").GetBoolean());
        Assert.Equal(2m, m.GetProperty("totalFloatDays").GetDecimal());
        Assert.Equal([design, build], schedule.GetProperty("criticalPath").EnumerateArray().Select(e => e.GetInt64()).ToArray());
    }

    [Fact]
    public async Task A_summary_rolls_up_its_children_and_the_outline_keeps_children_under_their_parent()
    {
        var (factory, api, id) = await WaterfallProjectAsync();
        using var __ = factory;
        var phase = (await TaskAsync(api, id, new { name = "Phase 1" })).GetProperty("id").GetInt64();
        var other = (await TaskAsync(api, id, new { name = "Other work", durationDays = 1 })).GetProperty("id").GetInt64();
        var a = (await TaskAsync(api, id, new { name = "A", durationDays = 2, parentId = phase, plannedCost = 1000 })).GetProperty("id").GetInt64();
        var bTask = await TaskAsync(api, id, new { name = "B", durationHours = 12, parentId = phase, plannedCost = 500.5, predecessors = new[] { new { taskId = a, type = "SS", lagDays = 1 } } });
        Assert.Equal("1.2", bTask.GetProperty("wbs").GetString());

        var schedule = await ScheduleAsync(api, id);
        Assert.Equal([phase, a, bTask.GetProperty("id").GetInt64(), other], schedule.GetProperty("tasks").EnumerateArray().Select(t => t.GetProperty("id").GetInt64()).ToArray());
        var p = Row(schedule, phase);
        Assert.True(p.GetProperty("summary").GetBoolean());
        Assert.Equal("2026-03-02", p.GetProperty("earlyStart").GetString());
        // B starts a day after A (SS+1d) on Tuesday 08:00 and takes 12 h: Wednesday 12:00.
        Assert.Equal("2026-03-04T12:00:00", p.GetProperty("earlyFinishAt").GetString());
        Assert.Equal(2, Row(schedule, a).GetProperty("outlineLevel").GetInt32());
        Assert.Equal(phase, Row(schedule, a).GetProperty("parentId").GetInt64());

        var summary = await (await api.GetAsync($"/api/v1/projects/{id}/waterfall/tasks/{phase}")).JsonAsync();
        Assert.Equal(1500.5m, summary.GetProperty("plannedCost").GetDecimal());
    }

    [Fact]
    public async Task Progress_and_a_stale_version_is_refused_with_409()
    {
        var (factory, api, id) = await WaterfallProjectAsync();
        using var __ = factory;
        var task = await TaskAsync(api, id, new { name = "Survey", durationDays = 4 });
        var taskId = task.GetProperty("id").GetInt64();
        var version = task.GetProperty("version").GetInt64();

        var ok = await api.PatchAsJsonAsync($"/api/v1/projects/{id}/waterfall/tasks/{taskId}", new { percentComplete = 50, actualStart = "2026-03-02", actualCost = 1200, version });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var updated = await ok.JsonAsync();
        Assert.Equal(50m, updated.GetProperty("percentComplete").GetDecimal());
        Assert.Equal("2026-03-02T08:00:00", updated.GetProperty("actualStart").GetString());
        Assert.Equal(1200m, updated.GetProperty("actualCost").GetDecimal());

        var stale = await api.PatchAsJsonAsync($"/api/v1/projects/{id}/waterfall/tasks/{taskId}", new { name = "Renamed", version });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("Survey", (await (await api.GetAsync($"/api/v1/projects/{id}/waterfall/tasks/{taskId}")).JsonAsync()).GetProperty("name").GetString());
    }

    [Fact]
    public async Task Bad_input_is_refused_and_changes_nothing()
    {
        var (factory, api, id) = await WaterfallProjectAsync();
        using var __ = factory;
        var a = (await TaskAsync(api, id, new { name = "A", durationDays = 1 })).GetProperty("id").GetInt64();
        var b = (await TaskAsync(api, id, new { name = "B", durationDays = 1, predecessors = new[] { new { taskId = a, type = "FS" } } })).GetProperty("id").GetInt64();
        var c = (await TaskAsync(api, id, new { name = "C", durationDays = 1, predecessors = new[] { new { taskId = b, type = "FF" } } })).GetProperty("id").GetInt64();
        var before = (await ScheduleAsync(api, id)).ToString();
        var auditBefore = await factory.ScalarAsync("SELECT COUNT(*) FROM core_audit WHERE project_id = @id", new { id });

        // A cycle names its tasks.
        var cycle = await api.PatchAsJsonAsync($"/api/v1/projects/{id}/waterfall/tasks/{a}", new { predecessors = new[] { new { taskId = c, type = "FS" } } });
        Assert.Equal(HttpStatusCode.BadRequest, cycle.StatusCode);
        var message = (await cycle.JsonAsync()).GetProperty("errors").GetProperty("predecessors")[0].GetString()!;
        Assert.Contains("cycle", message);
        foreach (var name in new[] { "A", "B", "C" }) Assert.Contains(name, message);

        // Itself, unknown predecessor, unknown parent, negative duration, bad link type, missing name.
        foreach (var (body, field) in new (object, string)[]
        {
            (new { predecessors = new[] { new { taskId = b, type = "FS" } } }, "predecessors"),
            (new { predecessors = new[] { new { taskId = 999999L, type = "FS" } } }, "predecessors"),
            (new { parentId = 999999L }, "parentId"),
            (new { durationDays = -1 }, "durationDays"),
            (new { predecessors = new[] { new { taskId = a, type = "XX" } } }, "predecessors"),
            (new { name = "" }, "name"),
            (new { percentComplete = 120 }, "percentComplete"),
        })
        {
            var response = await api.PatchAsJsonAsync($"/api/v1/projects/{id}/waterfall/tasks/{b}", body);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{body}: {response.StatusCode}");
            Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty(field, out _), $"{body} → {await response.Content.ReadAsStringAsync()}");
        }
        var created = await api.PostAsJsonAsync($"/api/v1/projects/{id}/waterfall/tasks", new { name = "D", durationDays = -2 });
        Assert.Equal(HttpStatusCode.BadRequest, created.StatusCode);

        // Another project's task is not in this plan.
        var second = await (await api.PostAsJsonAsync("/api/v1/projects", new { name = "Other", code = "OTH-1", methodology = "waterfall", startDate = "2026-03-02" })).JsonAsync();
        var other = second.GetProperty("id").GetInt64();
        var otherTask = (await TaskAsync(api, other, new { name = "Elsewhere", durationDays = 1 })).GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.BadRequest, (await api.PatchAsJsonAsync($"/api/v1/projects/{id}/waterfall/tasks/{b}", new { parentId = otherTask })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.PatchAsJsonAsync($"/api/v1/projects/{id}/waterfall/tasks/{otherTask}", new { name = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.DeleteAsync($"/api/v1/projects/{id}/waterfall/tasks/{otherTask}")).StatusCode);

        Assert.Equal(before, (await ScheduleAsync(api, id)).ToString());
        Assert.Equal(3, await factory.ScalarAsync("SELECT COUNT(*) FROM waterfall_task WHERE project_id = @id", new { id }));
        Assert.Equal(auditBefore, await factory.ScalarAsync("SELECT COUNT(*) FROM core_audit WHERE project_id = @id", new { id }));
    }

    [Fact]
    public async Task Deleting_a_summary_deletes_its_subtasks_and_their_links_and_reschedules()
    {
        var (factory, api, id) = await WaterfallProjectAsync();
        using var __ = factory;
        var phase = (await TaskAsync(api, id, new { name = "Phase" })).GetProperty("id").GetInt64();
        var a = (await TaskAsync(api, id, new { name = "A", durationDays = 5, parentId = phase })).GetProperty("id").GetInt64();
        var b = (await TaskAsync(api, id, new { name = "B", durationDays = 1, predecessors = new[] { new { taskId = a, type = "FS" } } })).GetProperty("id").GetInt64();
        Assert.Equal("2026-03-09", Row(await ScheduleAsync(api, id), b).GetProperty("earlyStart").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"/api/v1/projects/{id}/waterfall/tasks/{phase}")).StatusCode);
        var schedule = await ScheduleAsync(api, id);
        Assert.Single(schedule.GetProperty("tasks").EnumerateArray());
        Assert.Equal("2026-03-02", Row(schedule, b).GetProperty("earlyStart").GetString());
        Assert.Equal(0, await factory.ScalarAsync("SELECT COUNT(*) FROM waterfall_link"));
    }

    [Fact]
    public async Task Only_people_who_may_change_the_project_change_its_plan_and_other_methodologies_have_no_schedule()
    {
        var (factory, api, id) = await WaterfallPlanApiTests.WaterfallProjectAsync();
        using var __ = factory;
        var task = (await TaskAsync(api, id, new { name = "Survey", durationDays = 1 })).GetProperty("id").GetInt64();
        var (viewer, _) = await factory.ApiAsAsync("viewer@example.com", "Viewer");
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync($"/api/v1/projects/{id}/waterfall/schedule")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsJsonAsync($"/api/v1/projects/{id}/waterfall/tasks", new { name = "Sneaky" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PatchAsJsonAsync($"/api/v1/projects/{id}/waterfall/tasks/{task}", new { name = "Sneaky" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsJsonAsync($"/api/v1/projects/{id}/waterfall/baselines", new { name = "Mine" })).StatusCode);
        Assert.Equal(1, await factory.ScalarAsync("SELECT COUNT(*) FROM waterfall_task WHERE project_id = @id", new { id }));

        var kanban = (await (await api.PostAsJsonAsync("/api/v1/projects", new { name = "Flow", code = "FLW-1", methodology = "agile" })).JsonAsync()).GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/projects/{kanban}/waterfall/schedule")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.PostAsJsonAsync($"/api/v1/projects/{kanban}/waterfall/tasks", new { name = "x" })).StatusCode);
    }

    [Fact]
    public async Task Constraints_deadlines_lags_and_elapsed_durations_move_the_schedule()
    {
        var (factory, api, id) = await WaterfallProjectAsync();
        using var __ = factory;
        // Start no earlier than Wednesday 4 March: a 1-day task runs on Wednesday.
        var snet = await TaskAsync(api, id, new { name = "Site visit", durationDays = 1, constraintType = "SNET", constraintDate = "2026-03-04" });
        Assert.Equal("2026-03-04", snet.GetProperty("start").GetString());
        Assert.Equal("SNET", snet.GetProperty("constraintType").GetString());
        // FS with a 2-day lag after Wednesday: Monday 9 March; 4 hours.
        var lagged = await TaskAsync(api, id, new { name = "Report", durationHours = 4, deadline = "2026-03-06",
            predecessors = new[] { new { taskId = snet.GetProperty("id").GetInt64(), type = "FS", lagDays = 2 } } });
        var schedule = await ScheduleAsync(api, id);
        var report = Row(schedule, lagged.GetProperty("id").GetInt64());
        Assert.Equal("2026-03-09T08:00:00", report.GetProperty("earlyStartAt").GetString());
        Assert.Equal("2026-03-09T12:00:00", report.GetProperty("earlyFinishAt").GetString());
        Assert.True(report.GetProperty("deadlineMissed").GetBoolean());
        // Elapsed days run through the weekend: 2 elapsed days from Friday 08:00 end Sunday 08:00.
        var curing = await TaskAsync(api, id, new { name = "Concrete cures", durationDays = 2, elapsed = true, constraintType = "MSO", constraintDate = "2026-03-06T08:00:00" });
        var cure = Row(await ScheduleAsync(api, id), curing.GetProperty("id").GetInt64());
        Assert.Equal("2026-03-06T08:00:00", cure.GetProperty("earlyStartAt").GetString());
        Assert.Equal("2026-03-08T08:00:00", cure.GetProperty("earlyFinishAt").GetString());
        // A constraint kind that needs a date refuses to go without one.
        var missing = await api.PatchAsJsonAsync($"/api/v1/projects/{id}/waterfall/tasks/{snet.GetProperty("id").GetInt64()}", new { constraintType = "FNLT", constraintDate = (string?)null });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
    }
}
