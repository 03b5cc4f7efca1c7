using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TsPmo.Sdk.Time;

namespace TsPmo.Scrum.Tests;

/// <summary>The Scrum module's API, loaded from the plugins folder like in production: the sprint lifecycle end to end.</summary>
public sealed class ScrumApiTests
{
    internal static async Task<(TsPmoFactory Factory, HttpClient Api, long ProjectId)> ScrumProjectAsync(string code = "WEB-1")
    {
        var factory = new TsPmoFactory();
        var api = await factory.CreateAdminApiAsync();
        var project = await (await api.PostAsJsonAsync("/api/v1/projects", new { name = "Web shop " + code, code, methodology = "scrum" })).JsonAsync();
        return (factory, api, project.GetProperty("id").GetInt64());
    }

    internal static async Task<long> ItemAsync(HttpClient api, long projectId, string title, decimal points, decimal? estimateHours = null, string type = "story")
    {
        var response = await api.PostAsJsonAsync($"/api/v1/projects/{projectId}/scrum/items", new { title, type, points, estimateHours });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("id").GetInt64();
    }

    internal static async Task<long> SprintAsync(HttpClient api, long projectId, string name, DateOnly start, DateOnly end, decimal capacity = 20)
    {
        var response = await api.PostAsJsonAsync($"/api/v1/projects/{projectId}/scrum/sprints",
            new { name, goal = "Ship " + name, start = start.ToString("yyyy-MM-dd"), end = end.ToString("yyyy-MM-dd"), capacityPoints = capacity });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("id").GetInt64();
    }

    internal static DateOnly Today(TsPmoFactory factory) => factory.Services.GetRequiredService<IOrganizationClock>().Today;

    [Fact]
    public async Task Backlog_sprint_planning_start_board_moves_burndown_completion_and_velocity()
    {
        var (factory, api, id) = await ScrumProjectAsync();
        using var _ = factory;
        var today = Today(factory);
        var login = await ItemAsync(api, id, "Log in", 5, 8);
        var search = await ItemAsync(api, id, "Search", 8, 16);
        var bug = await ItemAsync(api, id, "Fix totals", 3, 4, "bug");
        var later = await ItemAsync(api, id, "Wish lists", 13);

        var item = await (await api.GetAsync($"/api/v1/projects/{id}/scrum/items/{bug}")).JsonAsync();
        Assert.Equal("Bug", item.GetProperty("type").GetString());
        Assert.Equal("ToDo", item.GetProperty("status").GetString());
        var backlog = (await (await api.GetAsync($"/api/v1/projects/{id}/scrum/backlog")).JsonAsync()).EnumerateArray().Select(i => i.GetProperty("title").GetString()).ToList();
        Assert.Equal(["Log in", "Search", "Fix totals", "Wish lists"], backlog);

        // Reorder: wish lists to the top.
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync($"/api/v1/projects/{id}/scrum/items/{later}/reorder", new { position = 1 })).StatusCode);
        backlog = (await (await api.GetAsync($"/api/v1/projects/{id}/scrum/backlog")).JsonAsync()).EnumerateArray().Select(i => i.GetProperty("title").GetString()).ToList();
        Assert.Equal(["Wish lists", "Log in", "Search", "Fix totals"], backlog);

        var sprint = await SprintAsync(api, id, "Sprint 1", today, today.AddDays(13));
        var next = await SprintAsync(api, id, "Sprint 2", today.AddDays(14), today.AddDays(27));
        foreach (var itemId in new[] { login, search, bug })
            Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync($"/api/v1/projects/{id}/scrum/sprints/{sprint}/items", new { itemId })).StatusCode);
        var planned = await (await api.GetAsync($"/api/v1/projects/{id}/scrum/sprints/{sprint}")).JsonAsync();
        Assert.Equal(16m, planned.GetProperty("plannedPoints").GetDecimal());
        Assert.Equal("Planned", planned.GetProperty("state").GetString());

        var started = await (await api.PostAsync($"/api/v1/projects/{id}/scrum/sprints/{sprint}/start", null)).JsonAsync();
        Assert.Equal("Active", started.GetProperty("state").GetString());
        Assert.Equal(16m, started.GetProperty("committedPoints").GetDecimal());

        // Work: log in done, search in progress; the bug re-estimated 3 → 5; wish lists added mid-sprint.
        var done = await api.PatchAsJsonAsync($"/api/v1/projects/{id}/scrum/items/{login}", new { status = "Done" });
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.NotEqual(JsonValueKind.Null, (await done.JsonAsync()).GetProperty("doneAt").ValueKind);
        Assert.Equal(HttpStatusCode.OK, (await api.PatchAsJsonAsync($"/api/v1/projects/{id}/scrum/items/{search}", new { status = "InProgress" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.PatchAsJsonAsync($"/api/v1/projects/{id}/scrum/items/{bug}", new { points = 5 })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync($"/api/v1/projects/{id}/scrum/sprints/{sprint}/items", new { itemId = later })).StatusCode);

        var burndown = await (await api.GetAsync($"/api/v1/projects/{id}/scrum/sprints/{sprint}/burndown")).JsonAsync();
        var days = burndown.GetProperty("days").EnumerateArray().ToList();
        Assert.Equal(14, days.Count);
        Assert.Equal(today.ToString("yyyy-MM-dd"), days[0].GetProperty("date").GetString());
        // Committed 16; + 2 (re-estimate) + 13 (added) = 31 scope; 5 done → 26 remain at the end of today.
        Assert.Equal(26m, days[0].GetProperty("remainingPoints").GetDecimal());
        Assert.Equal(31m, days[0].GetProperty("scopePoints").GetDecimal());
        Assert.Equal(5m, days[0].GetProperty("completedPoints").GetDecimal());
        Assert.Equal(JsonValueKind.Null, days[1].GetProperty("remainingPoints").ValueKind);
        Assert.Equal(0m, days[^1].GetProperty("idealPoints").GetDecimal());
        Assert.Equal(16m, burndown.GetProperty("committedPoints").GetDecimal());

        // Complete: the unfinished search, bug and wish lists go into Sprint 2.
        var completed = await api.PostAsJsonAsync($"/api/v1/projects/{id}/scrum/sprints/{sprint}/complete", new { unfinishedTo = "nextSprint" });
        Assert.True(completed.StatusCode == HttpStatusCode.OK, await completed.Content.ReadAsStringAsync());
        var c = await completed.JsonAsync();
        Assert.Equal("Completed", c.GetProperty("state").GetString());
        Assert.Equal(5m, c.GetProperty("completedPoints").GetDecimal());
        var nextItems = (await (await api.GetAsync($"/api/v1/projects/{id}/scrum/sprints/{next}/items")).JsonAsync()).EnumerateArray()
            .Select(i => i.GetProperty("title").GetString()).Order().ToList();
        Assert.Equal(["Fix totals", "Search", "Wish lists"], nextItems);
        // The burndown of the completed sprint is kept: moving the unfinished items out did not burn them down.
        var after = (await (await api.GetAsync($"/api/v1/projects/{id}/scrum/sprints/{sprint}/burndown")).JsonAsync()).GetProperty("days").EnumerateArray().ToList();
        Assert.Equal(26m, after[^1].GetProperty("remainingPoints").GetDecimal());

        var velocity = await (await api.GetAsync($"/api/v1/projects/{id}/scrum/velocity")).JsonAsync();
        var row = Assert.Single(velocity.GetProperty("sprints").EnumerateArray());
        Assert.Equal(sprint, row.GetProperty("sprintId").GetInt64());
        Assert.Equal(16m, row.GetProperty("committed").GetDecimal());
        Assert.Equal(5m, row.GetProperty("completed").GetDecimal());
        var forecast = velocity.GetProperty("forecast");
        // 26 points remain at 5 a sprint: ⌈26 / 5⌉ = 6 sprints in every trial.
        Assert.Equal(26m, forecast.GetProperty("remainingPoints").GetDecimal());
        Assert.Equal(6, forecast.GetProperty("sprints50").GetInt32());
        Assert.Equal(6, forecast.GetProperty("sprints95").GetInt32());
        Assert.Equal(today.AddDays(6 * 14 - 1).ToString("yyyy-MM-dd"), forecast.GetProperty("date85").GetString());

        // Every change is audited and every sprint change recorded.
        Assert.True(await factory.ScalarAsync("SELECT COUNT(*) FROM core_audit WHERE module_id = 'scrum'") >= 14);
        Assert.Equal(3, await factory.ScalarAsync("SELECT COUNT(*) FROM scrum_item_event WHERE sprint_id = @sprint AND kind = 'Committed'", new { sprint }));
    }

    [Fact]
    public async Task Unfinished_items_return_to_the_top_of_the_backlog_and_retro_actions_carry_over_until_done()
    {
        var (factory, api, id) = await ScrumProjectAsync("RET-1");
        using var _ = factory;
        var today = Today(factory);
        var first = await ItemAsync(api, id, "Backlog head", 2);
        var a = await ItemAsync(api, id, "A", 3);
        var b = await ItemAsync(api, id, "B", 5);
        var s1 = await SprintAsync(api, id, "Sprint 1", today.AddDays(-14), today.AddDays(-1));
        foreach (var itemId in new[] { a, b }) await api.PostAsJsonAsync($"/api/v1/projects/{id}/scrum/sprints/{s1}/items", new { itemId });
        await api.PostAsync($"/api/v1/projects/{id}/scrum/sprints/{s1}/start", null);
        await api.PatchAsJsonAsync($"/api/v1/projects/{id}/scrum/items/{a}", new { status = "Done" });
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync($"/api/v1/projects/{id}/scrum/sprints/{s1}/complete", null)).StatusCode);
        var backlog = (await (await api.GetAsync($"/api/v1/projects/{id}/scrum/backlog")).JsonAsync()).EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).ToList();
        Assert.Equal([b, first], backlog);

        // The commitment counts from the first day, although the sprint was started on its last day.
        var days = (await (await api.GetAsync($"/api/v1/projects/{id}/scrum/sprints/{s1}/burndown")).JsonAsync()).GetProperty("days").EnumerateArray().ToList();
        Assert.Equal(8m, days[0].GetProperty("remainingPoints").GetDecimal());

        var person = await (await api.PostAsJsonAsync("/api/v1/people", new { name = "Ada Lovelace", email = "ada@example.com", weeklyCapacityHours = 40 })).JsonAsync();
        var retro = await api.PutAsJsonAsync($"/api/v1/projects/{id}/scrum/sprints/{s1}/retro", new { wentWell = "- Pairing", toImprove = "- Reviews", version = 0 });
        Assert.Equal(HttpStatusCode.OK, retro.StatusCode);
        var stale = await api.PutAsJsonAsync($"/api/v1/projects/{id}/scrum/sprints/{s1}/retro", new { wentWell = "x", toImprove = "y", version = 0 });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var action = await (await api.PostAsJsonAsync($"/api/v1/projects/{id}/scrum/sprints/{s1}/retro/actions",
            new { text = "Review within a day", ownerPersonId = person.GetProperty("id").GetInt64() })).JsonAsync();
        Assert.Equal("Ada Lovelace", action.GetProperty("ownerName").GetString());

        var s2 = await SprintAsync(api, id, "Sprint 2", today, today.AddDays(13));
        var carried = (await (await api.GetAsync($"/api/v1/projects/{id}/scrum/sprints/{s2}/retro")).JsonAsync()).GetProperty("carriedActions");
        Assert.Equal("Review within a day", Assert.Single(carried.EnumerateArray()).GetProperty("text").GetString());

        Assert.Equal(HttpStatusCode.OK, (await api.PatchAsJsonAsync($"/api/v1/projects/{id}/scrum/retro-actions/{action.GetProperty("id").GetInt64()}", new { status = "Done" })).StatusCode);
        carried = (await (await api.GetAsync($"/api/v1/projects/{id}/scrum/sprints/{s2}/retro")).JsonAsync()).GetProperty("carriedActions");
        Assert.Empty(carried.EnumerateArray());
    }
}
