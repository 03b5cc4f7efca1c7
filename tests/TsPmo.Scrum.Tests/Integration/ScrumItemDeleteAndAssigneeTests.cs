using System.Net;
using System.Net.Http.Json;
using System.Text;
using static TsPmo.Scrum.Tests.ScrumApiTests;

namespace TsPmo.Scrum.Tests;

/// <summary>Deleting backlog items (never what a started sprint counted) and unassigning through PATCH.</summary>
public sealed class ScrumItemDeleteAndAssigneeTests
{
    [Fact]
    public async Task A_backlog_item_is_deleted_but_one_a_started_sprint_counted_is_refused_and_kept()
    {
        var (factory, api, id) = await ScrumProjectAsync("DEL-1");
        using var _ = factory;
        var idea = await ItemAsync(api, id, "Maybe later", 3);
        var committed = await ItemAsync(api, id, "Checkout", 5);
        var sprint = await SprintAsync(api, id, "Sprint 1", Today(factory), Today(factory).AddDays(13));
        await api.PostAsJsonAsync($"/api/v1/projects/{id}/scrum/sprints/{sprint}/items", new { itemId = committed });
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync($"/api/v1/projects/{id}/scrum/sprints/{sprint}/start", null)).StatusCode);

        var deleted = await api.DeleteAsync($"/api/v1/projects/{id}/scrum/items/{idea}");
        var refused = await api.DeleteAsync($"/api/v1/projects/{id}/scrum/items/{committed}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/projects/{id}/scrum/items/{idea}")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("started sprint", (await refused.JsonAsync()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/v1/projects/{id}/scrum/items/{committed}")).StatusCode);
        Assert.Equal(1, await PeopleSeed.ScalarAsync(factory, $"SELECT COUNT(*) FROM core_audit WHERE entity_type = 'item' AND action = 'deleted' AND entity_id = '{idea}'"));
    }

    [Fact]
    public async Task Patch_with_a_null_assignee_unassigns_and_leaving_it_out_keeps_it()
    {
        var (factory, api, id) = await ScrumProjectAsync("ASG-1");
        using var _ = factory;
        var person = (await (await api.PostAsJsonAsync("/api/v1/people", new { name = "Ada Lovelace", email = "ada@example.com" })).JsonAsync()).GetProperty("id").GetInt64();
        var item = await ItemAsync(api, id, "Checkout", 5);
        var url = $"/api/v1/projects/{id}/scrum/items/{item}";

        var assigned = await (await api.PatchAsJsonAsync(url, new { assigneeId = person })).JsonAsync();
        var renamed = await (await api.PatchAsJsonAsync(url, new { title = "Checkout v2" })).JsonAsync();
        var unassigned = await api.PatchAsync(url, new StringContent("""{"assigneeId": null}""", Encoding.UTF8, "application/json"));
        var garbled = await api.PatchAsync(url, new StringContent("""{"points": "many"}""", Encoding.UTF8, "application/json"));

        Assert.Equal(person, assigned.GetProperty("assigneeId").GetInt64());
        Assert.Equal(person, renamed.GetProperty("assigneeId").GetInt64());
        Assert.Equal(HttpStatusCode.OK, unassigned.StatusCode);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, (await unassigned.JsonAsync()).GetProperty("assigneeId").ValueKind);
        Assert.Equal(HttpStatusCode.BadRequest, garbled.StatusCode);
        Assert.Equal(5m, (await (await api.GetAsync(url)).JsonAsync()).GetProperty("points").GetDecimal());
    }

    [Fact]
    public async Task The_item_page_deletes_only_after_the_box_is_ticked()
    {
        var (factory, api, id) = await ScrumProjectAsync("DEL-2");
        using var _ = factory;
        var item = await ItemAsync(api, id, "Obsolete idea", 2);
        var browser = factory.CreateBrowserClient();
        await browser.SignInAsync(TsPmoFactory.AdminEmail, TsPmoFactory.AdminPassword);
        var page = $"/Projects/{id}/Scrum/Items/{item}";
        Assert.Contains("Delete item", await (await browser.GetAsync(page)).Content.ReadAsStringAsync());

        var unconfirmed = await browser.PostFormAsync(page, $"{page}?handler=Delete", ("Version", "1"));
        Assert.Equal(HttpStatusCode.OK, unconfirmed.StatusCode);
        Assert.Contains("Tick the box", await unconfirmed.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/v1/projects/{id}/scrum/items/{item}")).StatusCode);

        var confirmed = await browser.PostFormAsync(page, $"{page}?handler=Delete", ("Version", "1"), ("confirm", "true"));
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/projects/{id}/scrum/items/{item}")).StatusCode);
    }
}
