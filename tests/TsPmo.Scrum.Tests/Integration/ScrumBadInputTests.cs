using System.Net;
using System.Net.Http.Json;
using static TsPmo.Scrum.Tests.ScrumApiTests;

namespace TsPmo.Scrum.Tests;

/// <summary>Every bad input the issue lists is answered with a clear 400 or 409 problem, and nothing changes.</summary>
public sealed class ScrumBadInputTests
{
    private static async Task<string> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Negative_points_and_bad_fields_are_refused_with_400_and_nothing_is_written()
    {
        var (factory, api, id) = await ScrumProjectAsync("BAD-1");
        using var _ = factory;
        var body = await ProblemAsync(await api.PostAsJsonAsync($"/api/v1/projects/{id}/scrum/items", new { title = "Oops", type = "story", points = -3 }), HttpStatusCode.BadRequest);
        Assert.Contains("Story points cannot be negative", body);
        body = await ProblemAsync(await api.PostAsJsonAsync($"/api/v1/projects/{id}/scrum/items", new { title = "", type = "epic", estimateHours = -1 }), HttpStatusCode.BadRequest);
        Assert.Contains("\"type\"", body);
        Assert.Equal(0, await factory.ScalarAsync("SELECT COUNT(*) FROM scrum_item"));

        var item = await ItemAsync(api, id, "Fine", 3);
        await ProblemAsync(await api.PatchAsJsonAsync($"/api/v1/projects/{id}/scrum/items/{item}", new { points = -1 }), HttpStatusCode.BadRequest);
        await ProblemAsync(await api.PatchAsJsonAsync($"/api/v1/projects/{id}/scrum/items/{item}", new { status = "Finished" }), HttpStatusCode.BadRequest);
        Assert.Equal(3, await factory.ScalarAsync("SELECT points FROM scrum_item WHERE id = @item", new { item }));
        Assert.Equal(1, await factory.ScalarAsync("SELECT version FROM scrum_item WHERE id = @item", new { item }));
    }

    [Fact]
    public async Task An_end_before_the_start_is_refused_with_400()
    {
        var (factory, api, id) = await ScrumProjectAsync("BAD-2");
        using var _ = factory;
        var body = await ProblemAsync(await api.PostAsJsonAsync($"/api/v1/projects/{id}/scrum/sprints",
            new { name = "Backwards", start = "2025-03-14", end = "2025-03-03", capacityPoints = 10 }), HttpStatusCode.BadRequest);
        Assert.Contains("is before the start date", body);
        await ProblemAsync(await api.PostAsJsonAsync($"/api/v1/projects/{id}/scrum/sprints",
            new { name = "Negative", start = "2025-03-03", end = "2025-03-14", capacityPoints = -5 }), HttpStatusCode.BadRequest);
        Assert.Equal(0, await factory.ScalarAsync("SELECT COUNT(*) FROM scrum_sprint"));
    }

    [Fact]
    public async Task A_second_active_sprint_and_completing_twice_are_refused_with_409()
    {
        var (factory, api, id) = await ScrumProjectAsync("BAD-3");
        using var _ = factory;
        var today = Today(factory);
        var s1 = await SprintAsync(api, id, "Sprint 1", today, today.AddDays(13));
        var s2 = await SprintAsync(api, id, "Sprint 2", today.AddDays(14), today.AddDays(27));
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync($"/api/v1/projects/{id}/scrum/sprints/{s1}/start", null)).StatusCode);

        var body = await ProblemAsync(await api.PostAsync($"/api/v1/projects/{id}/scrum/sprints/{s2}/start", null), HttpStatusCode.Conflict);
        Assert.Contains("Sprint 1 is active", body);
        Assert.Equal("Planned", await factory.ScalarTextAsync("SELECT state FROM scrum_sprint WHERE id = @s2", new { s2 }));
        await ProblemAsync(await api.PostAsync($"/api/v1/projects/{id}/scrum/sprints/{s1}/start", null), HttpStatusCode.Conflict);

        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync($"/api/v1/projects/{id}/scrum/sprints/{s1}/complete", null)).StatusCode);
        var completedAt = await factory.ScalarTextAsync("SELECT completed_at FROM scrum_sprint WHERE id = @s1", new { s1 });
        body = await ProblemAsync(await api.PostAsync($"/api/v1/projects/{id}/scrum/sprints/{s1}/complete", null), HttpStatusCode.Conflict);
        Assert.Contains("Sprint 1 is already completed", body);
        Assert.Equal(completedAt, await factory.ScalarTextAsync("SELECT completed_at FROM scrum_sprint WHERE id = @s1", new { s1 }));
        // Completing a sprint that never started, or restarting a completed one, is refused too.
        await ProblemAsync(await api.PostAsync($"/api/v1/projects/{id}/scrum/sprints/{s2}/complete", null), HttpStatusCode.Conflict);
        await ProblemAsync(await api.PostAsync($"/api/v1/projects/{id}/scrum/sprints/{s1}/start", null), HttpStatusCode.Conflict);
        // Unfinished items cannot go to a next sprint when none is planned... once s2 is started there is none.
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync($"/api/v1/projects/{id}/scrum/sprints/{s2}/start", null)).StatusCode);
        await ProblemAsync(await api.PostAsJsonAsync($"/api/v1/projects/{id}/scrum/sprints/{s2}/complete", new { unfinishedTo = "nextSprint" }), HttpStatusCode.BadRequest);
        Assert.Equal("Active", await factory.ScalarTextAsync("SELECT state FROM scrum_sprint WHERE id = @s2", new { s2 }));
    }

    [Fact]
    public async Task Another_projects_item_cannot_be_planned_into_a_sprint()
    {
        var (factory, api, id) = await ScrumProjectAsync("BAD-4");
        using var _ = factory;
        var other = (await (await api.PostAsJsonAsync("/api/v1/projects", new { name = "Other", code = "OTH-4", methodology = "scrum" })).JsonAsync()).GetProperty("id").GetInt64();
        var foreign = await ItemAsync(api, other, "Not yours", 5);
        var today = Today(factory);
        var sprint = await SprintAsync(api, id, "Sprint 1", today, today.AddDays(13));

        var body = await ProblemAsync(await api.PostAsJsonAsync($"/api/v1/projects/{id}/scrum/sprints/{sprint}/items", new { itemId = foreign }), HttpStatusCode.BadRequest);
        Assert.Contains($"no item {foreign} in this project", body);
        Assert.Null(await factory.ScalarTextAsync("SELECT sprint_id FROM scrum_item WHERE id = @foreign", new { foreign }));
        // Nor is another project's item reachable through this project's URLs.
        Assert.Equal(HttpStatusCode.NotFound, (await api.PatchAsJsonAsync($"/api/v1/projects/{id}/scrum/items/{foreign}", new { status = "Done" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.PostAsync($"/api/v1/projects/{other}/scrum/sprints/{sprint}/start", null)).StatusCode);
        Assert.Equal("ToDo", await factory.ScalarTextAsync("SELECT status FROM scrum_item WHERE id = @foreign", new { foreign }));
    }

    [Fact]
    public async Task A_stale_edit_is_refused_with_409_and_done_items_and_completed_sprints_take_no_planning()
    {
        var (factory, api, id) = await ScrumProjectAsync("BAD-5");
        using var _ = factory;
        var item = await ItemAsync(api, id, "Shared", 3);
        Assert.Equal(HttpStatusCode.OK, (await api.PatchAsJsonAsync($"/api/v1/projects/{id}/scrum/items/{item}", new { title = "Mine", version = 1 })).StatusCode);
        var body = await ProblemAsync(await api.PatchAsJsonAsync($"/api/v1/projects/{id}/scrum/items/{item}", new { title = "Theirs", version = 1 }), HttpStatusCode.Conflict);
        Assert.Contains("changed by someone else", body);
        Assert.Equal("Mine", await factory.ScalarTextAsync("SELECT title FROM scrum_item WHERE id = @item", new { item }));

        var today = Today(factory);
        var sprint = await SprintAsync(api, id, "Sprint 1", today, today.AddDays(13));
        var sprintJson = await (await api.GetAsync($"/api/v1/projects/{id}/scrum/sprints/{sprint}")).JsonAsync();
        Assert.Equal(HttpStatusCode.OK, (await api.PutAsJsonAsync($"/api/v1/projects/{id}/scrum/sprints/{sprint}",
            new { name = "Sprint 1b", start = today, end = today.AddDays(13), capacityPoints = 10, version = sprintJson.GetProperty("version").GetInt64() })).StatusCode);
        await ProblemAsync(await api.PutAsJsonAsync($"/api/v1/projects/{id}/scrum/sprints/{sprint}",
            new { name = "Sprint 1c", start = today, end = today.AddDays(13), capacityPoints = 10, version = sprintJson.GetProperty("version").GetInt64() }), HttpStatusCode.Conflict);

        await api.PatchAsJsonAsync($"/api/v1/projects/{id}/scrum/items/{item}", new { status = "Done" });
        await ProblemAsync(await api.PostAsJsonAsync($"/api/v1/projects/{id}/scrum/sprints/{sprint}/items", new { itemId = item }), HttpStatusCode.Conflict);
        await api.PostAsync($"/api/v1/projects/{id}/scrum/sprints/{sprint}/start", null);
        await api.PostAsync($"/api/v1/projects/{id}/scrum/sprints/{sprint}/complete", null);
        var late = await ItemAsync(api, id, "Late", 1);
        await ProblemAsync(await api.PostAsJsonAsync($"/api/v1/projects/{id}/scrum/sprints/{sprint}/items", new { itemId = late }), HttpStatusCode.Conflict);
        Assert.Equal(0, await factory.ScalarAsync("SELECT COUNT(*) FROM scrum_item WHERE sprint_id IS NOT NULL"));
    }

    [Fact]
    public async Task Simultaneous_starts_leave_exactly_one_active_sprint()
    {
        var (factory, api, id) = await ScrumProjectAsync("BAD-6");
        using var _ = factory;
        var today = Today(factory);
        var sprints = new List<long>();
        for (var i = 0; i < 4; i++) sprints.Add(await SprintAsync(api, id, $"Sprint {i + 1}", today, today.AddDays(13)));

        var responses = await Task.WhenAll(sprints.Select(s => api.PostAsync($"/api/v1/projects/{id}/scrum/sprints/{s}/start", null)));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        Assert.Equal(1, await factory.ScalarAsync("SELECT COUNT(*) FROM scrum_sprint WHERE state = 'Active'"));
    }

    [Fact]
    public async Task A_viewer_may_read_but_not_change_and_a_project_run_another_way_has_no_scrum()
    {
        var (factory, api, id) = await ScrumProjectAsync("BAD-7");
        using var _ = factory;
        var (viewer, _) = await factory.ApiAsAsync("viewer@example.com", "Viewer");
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync($"/api/v1/projects/{id}/scrum/backlog")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsJsonAsync($"/api/v1/projects/{id}/scrum/items", new { title = "Sneaky", points = 1 })).StatusCode);
        Assert.Equal(0, await factory.ScalarAsync("SELECT COUNT(*) FROM scrum_item"));

        var kanban = (await (await api.PostAsJsonAsync("/api/v1/projects", new { name = "Flow", code = "FLO-7", methodology = "agile" })).JsonAsync()).GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.NotFound, (await api.PostAsJsonAsync($"/api/v1/projects/{kanban}/scrum/items", new { title = "x", points = 1 })).StatusCode);
    }
}
