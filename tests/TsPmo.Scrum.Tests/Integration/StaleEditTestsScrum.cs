using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace TsPmo.Scrum.Tests;

/// <summary>
/// No lost updates in Scrum: items, sprints, retrospective notes and retro actions refuse a stale edit (409 on the API, a
/// message on the page) and keep the first save; a PATCH without a version never writes a merge over a newer state.
/// </summary>
public sealed class StaleEditTestsScrum
{
    private static async Task<HttpClient> BrowserAsync(TsPmoFactory factory)
    {
        var browser = factory.CreateBrowserClient();
        await browser.SignInAsync(TsPmoFactory.AdminEmail, TsPmoFactory.AdminPassword);
        return browser;
    }

    [Fact]
    public async Task Item_two_editors_the_first_patch_wins_and_a_stale_page_save_writes_nothing()
    {
        var (factory, first, id) = await ScrumApiTests.ScrumProjectAsync();
        using var _ = factory;
        var second = await factory.CreateAdminApiAsync();
        var itemId = await ScrumApiTests.ItemAsync(first, id, "Checkout", 3);
        var url = $"/api/v1/projects/{id}/scrum/items/{itemId}";
        var readByFirst = (await (await first.GetAsync(url)).JsonAsync()).GetProperty("version").GetInt64();
        var readBySecond = (await (await second.GetAsync(url)).JsonAsync()).GetProperty("version").GetInt64();

        Assert.Equal(HttpStatusCode.OK, (await first.PatchAsJsonAsync(url, new { title = "Checkout with cards", points = 5, version = readByFirst })).StatusCode);
        var lost = await second.PatchAsJsonAsync(url, new { title = "Checkout (stale)", points = 13, version = readBySecond });
        Assert.Equal(HttpStatusCode.Conflict, lost.StatusCode);
        Assert.Contains("changed by someone else", (await lost.JsonAsync()).GetProperty("detail").GetString());
        var stored = await (await first.GetAsync(url)).JsonAsync();
        Assert.Equal(("Checkout with cards", 5m), (stored.GetProperty("title").GetString(), stored.GetProperty("points").GetDecimal()));

        var browser = await BrowserAsync(factory);
        var page = $"/Projects/{id}/Scrum/Items/{itemId}";
        var stale = await browser.PostFormAsync(page, page, ("Input.Title", "Checkout typed on the page"), ("Input.Type", "Story"), ("Input.Status", "ToDo"),
            ("Input.Points", "2"), ("Version", readBySecond.ToString()));
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var html = WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync());
        Assert.Contains("changed by someone else", html);
        Assert.Contains("value=\"Checkout typed on the page\"", html);
        Assert.Contains($"name=\"Version\" value=\"{readByFirst + 1}\"", html);
        Assert.Equal("Checkout with cards", await factory.ScalarTextAsync("SELECT title FROM scrum_item WHERE id = @itemId", new { itemId }));
    }

    [Fact]
    public async Task Item_concurrent_patches_without_a_version_each_keep_the_fields_of_the_others()
    {
        var (factory, api, id) = await ScrumApiTests.ScrumProjectAsync();
        using var _ = factory;
        var clients = new List<HttpClient> { api };
        for (var i = 0; i < 3; i++) clients.Add(await factory.CreateAdminApiAsync());
        var itemId = await ScrumApiTests.ItemAsync(api, id, "Search", 1);
        var url = $"/api/v1/projects/{id}/scrum/items/{itemId}";

        // Each round four editors change four different fields at once, none sending a version: every change must survive.
        for (var round = 1; round <= 6; round++)
        {
            var responses = await Task.WhenAll(
                clients[0].PatchAsJsonAsync(url, new { description = $"Description {round}" }),
                clients[1].PatchAsJsonAsync(url, new { acceptanceCriteria = $"Criteria {round}" }),
                clients[2].PatchAsJsonAsync(url, new { estimateHours = round }),
                clients[3].PatchAsJsonAsync(url, new { points = round + 10 }));
            Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
            var item = await (await api.GetAsync(url)).JsonAsync();
            Assert.Equal($"Description {round}", item.GetProperty("description").GetString());
            Assert.Equal($"Criteria {round}", item.GetProperty("acceptanceCriteria").GetString());
            Assert.Equal(round, item.GetProperty("estimateHours").GetDecimal());
            Assert.Equal(round + 10, item.GetProperty("points").GetDecimal());
        }
    }

    [Fact]
    public async Task Sprint_a_stale_put_is_a_409_and_a_stale_page_edit_writes_nothing()
    {
        var (factory, first, id) = await ScrumApiTests.ScrumProjectAsync();
        using var _ = factory;
        var second = await factory.CreateAdminApiAsync();
        var today = ScrumApiTests.Today(factory);
        var sprintId = await ScrumApiTests.SprintAsync(first, id, "Sprint 1", today.AddDays(1), today.AddDays(14));
        var url = $"/api/v1/projects/{id}/scrum/sprints/{sprintId}";
        var version = (await (await second.GetAsync(url)).JsonAsync()).GetProperty("version").GetInt64();
        string D(int days) => today.AddDays(days).ToString("yyyy-MM-dd");

        Assert.Equal(HttpStatusCode.OK, (await first.PutAsJsonAsync(url, new { name = "Sprint 1", goal = "Checkout", start = D(1), end = D(14), capacityPoints = 30, version })).StatusCode);
        var lost = await second.PutAsJsonAsync(url, new { name = "Sprint 1", goal = "Search", start = D(1), end = D(14), capacityPoints = 10, version });
        Assert.Equal(HttpStatusCode.Conflict, lost.StatusCode);
        var stored = await (await first.GetAsync(url)).JsonAsync();
        Assert.Equal(("Checkout", 30m), (stored.GetProperty("goal").GetString(), stored.GetProperty("capacityPoints").GetDecimal()));

        var browser = await BrowserAsync(factory);
        var page = $"/Projects/{id}/Scrum/Sprints/{sprintId}";
        var stale = await browser.PostFormAsync(page, $"{page}?handler=Edit", ("Edit.Name", "Sprint 1"), ("Edit.Goal", "Goal typed on the page"),
            ("Edit.Start", D(1)), ("Edit.End", D(14)), ("Edit.CapacityPoints", "12"), ("EditVersion", version.ToString()));
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var html = WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync());
        Assert.Contains("changed by someone else", html);
        Assert.Contains("Goal typed on the page", html);
        Assert.Contains($"name=\"EditVersion\" value=\"{version + 1}\"", html);
        Assert.Equal("Checkout", await factory.ScalarTextAsync("SELECT goal FROM scrum_sprint WHERE id = @sprintId", new { sprintId }));
    }

    [Fact]
    public async Task Retro_notes_and_actions_refuse_stale_edits_on_the_api_and_the_page()
    {
        var (factory, first, id) = await ScrumApiTests.ScrumProjectAsync();
        using var _ = factory;
        var second = await factory.CreateAdminApiAsync();
        var today = ScrumApiTests.Today(factory);
        var sprintId = await ScrumApiTests.SprintAsync(first, id, "Sprint 1", today.AddDays(-14), today.AddDays(-1));
        var action = await (await first.PostAsJsonAsync($"/api/v1/projects/{id}/scrum/sprints/{sprintId}/retro/actions", new { text = "Review within a day" })).JsonAsync();
        var actionId = action.GetProperty("id").GetInt64();
        var version = action.GetProperty("version").GetInt64();
        var actionUrl = $"/api/v1/projects/{id}/scrum/retro-actions/{actionId}";

        Assert.Equal(HttpStatusCode.OK, (await first.PatchAsJsonAsync(actionUrl, new { status = "Done", version })).StatusCode);
        var lost = await second.PatchAsJsonAsync(actionUrl, new { status = "InProgress", version });
        Assert.Equal(HttpStatusCode.Conflict, lost.StatusCode);
        Assert.Equal("Done", await factory.ScalarTextAsync("SELECT status FROM scrum_retro_action WHERE id = @actionId", new { actionId }));

        var browser = await BrowserAsync(factory);
        var page = $"/Projects/{id}/Scrum/Sprints/{sprintId}/Retro";
        var staleStatus = await browser.PostFormAsync(page, $"{page}?handler=Status", ("actionId", actionId.ToString()), ("actionVersion", version.ToString()), ("status", "Open"));
        Assert.Equal(HttpStatusCode.Redirect, staleStatus.StatusCode);
        Assert.Contains("changed by someone else", WebUtility.HtmlDecode(await browser.GetStringAsync(page)));
        Assert.Equal("Done", await factory.ScalarTextAsync("SELECT status FROM scrum_retro_action WHERE id = @actionId", new { actionId }));

        Assert.Equal(HttpStatusCode.OK, (await second.PutAsJsonAsync($"/api/v1/projects/{id}/scrum/sprints/{sprintId}/retro", new { wentWell = "Pairing", toImprove = "Reviews", version = 0 })).StatusCode);
        var staleNotes = await browser.PostFormAsync(page, $"{page}?handler=Notes", ("WentWell", "Notes typed on the page"), ("ToImprove", "x"), ("Version", "0"));
        Assert.Equal(HttpStatusCode.OK, staleNotes.StatusCode);
        var html = WebUtility.HtmlDecode(await staleNotes.Content.ReadAsStringAsync());
        Assert.Contains("changed by someone else", html);
        Assert.Contains("Notes typed on the page", html);
        Assert.Equal("Pairing", await factory.ScalarTextAsync("SELECT went_well FROM scrum_retro WHERE sprint_id = @sprintId", new { sprintId }));
    }
}
