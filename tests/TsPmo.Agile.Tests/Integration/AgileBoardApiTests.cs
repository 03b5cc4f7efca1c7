using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace TsPmo.Agile.Tests;

/// <summary>The Agile (Kanban) module's board API, loaded from the plugins folder like in production.</summary>
public sealed class AgileBoardApiTests
{
    private static async Task<(TsPmoFactory Factory, HttpClient Api, long ProjectId)> KanbanProjectAsync()
    {
        var factory = new TsPmoFactory();
        var api = await factory.CreateAdminApiAsync();
        var project = await (await api.PostAsJsonAsync("/api/v1/projects", new { name = "Support flow", code = "SUP-1", methodology = "agile" })).JsonAsync();
        return (factory, api, project.GetProperty("id").GetInt64());
    }

    private static async Task<long> CardAsync(HttpClient api, long projectId, string title)
    {
        var response = await api.PostAsJsonAsync($"/api/v1/projects/{projectId}/agile/cards", new { title, estimateHours = 6 });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("id").GetInt64();
    }

    [Fact]
    public async Task A_new_kanban_project_has_a_board_and_cards_start_in_the_first_column()
    {
        var (factory, api, id) = await KanbanProjectAsync();
        using var _ = factory;

        var columns = (await (await api.GetAsync($"/api/v1/projects/{id}/agile/columns")).JsonAsync()).EnumerateArray().Select(c => c.GetProperty("name").GetString()).ToList();
        Assert.Equal(["Backlog", "Ready", "In progress", "Review", "Done"], columns);

        var card = await (await api.GetAsync($"/api/v1/projects/{id}/agile/cards/{await CardAsync(api, id, "Reset passwords faster")}")).JsonAsync();
        Assert.Equal("Backlog", card.GetProperty("columnName").GetString());
        Assert.Equal(6, card.GetProperty("estimateHours").GetDecimal());
        Assert.Equal(JsonValueKind.Null, card.GetProperty("startedAt").ValueKind);
    }

    [Fact]
    public async Task Moves_set_started_and_done_and_a_full_column_refuses_with_409()
    {
        var (factory, api, id) = await KanbanProjectAsync();
        using var _ = factory;
        var first = await CardAsync(api, id, "First");
        var second = await CardAsync(api, id, "Second");
        Assert.Equal(HttpStatusCode.OK, (await api.PutAsJsonAsync($"/api/v1/projects/{id}/agile/columns", new
        {
            columns = new object[]
            {
                new { name = "To do", started = false, done = false },
                new { name = "Doing", wipLimit = 1, started = true, done = false },
                new { name = "Done", started = false, done = true },
            },
            moveCardsTo = new Dictionary<string, string> { ["Backlog"] = "To do" },
        })).StatusCode);

        var moved = await (await api.PostAsJsonAsync($"/api/v1/projects/{id}/agile/cards/{first}/move", new { column = "Doing" })).JsonAsync();
        Assert.NotEqual(JsonValueKind.Null, moved.GetProperty("startedAt").ValueKind);

        var refused = await api.PostAsJsonAsync($"/api/v1/projects/{id}/agile/cards/{second}/move", new { column = "Doing" });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("WIP limit of 1", (await refused.JsonAsync()).GetProperty("detail").GetString());
        var stillThere = await (await api.GetAsync($"/api/v1/projects/{id}/agile/cards/{second}")).JsonAsync();
        Assert.Equal("To do", stillThere.GetProperty("columnName").GetString());

        var done = await (await api.PostAsJsonAsync($"/api/v1/projects/{id}/agile/cards/{first}/move", new { column = "done" })).JsonAsync();
        Assert.NotEqual(JsonValueKind.Null, done.GetProperty("doneAt").ValueKind);
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync($"/api/v1/projects/{id}/agile/cards/{second}/move", new { column = "Doing" })).StatusCode);

        // 2 creations, 2 moves out of the removed Backlog column, then Doing, Done and Doing.
        Assert.Equal(7, await factory.ScalarAsync("SELECT COUNT(*) FROM agile_card_move"));
    }

    [Fact]
    public async Task Bad_moves_and_column_changes_are_refused_and_change_nothing()
    {
        var (factory, api, id) = await KanbanProjectAsync();
        using var _ = factory;
        var card = await CardAsync(api, id, "Card");

        var unknown = await api.PostAsJsonAsync($"/api/v1/projects/{id}/agile/cards/{card}/move", new { column = "Nowhere" });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("no column \"Nowhere\"", (await unknown.JsonAsync()).GetProperty("errors").GetProperty("column")[0].GetString());

        var orphaned = await api.PutAsJsonAsync($"/api/v1/projects/{id}/agile/columns", new
        {
            columns = new object[] { new { name = "Doing", started = true, done = false }, new { name = "Done", started = false, done = true } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, orphaned.StatusCode);
        Assert.Contains("\"Backlog\" holds 1 card(s)", (await orphaned.JsonAsync()).GetProperty("errors").GetProperty("moveCardsTo")[0].GetString());

        var invalid = await api.PutAsJsonAsync($"/api/v1/projects/{id}/agile/columns", new
        {
            columns = new object[] { new { name = "Done", started = false, done = true }, new { name = "Doing", started = true, done = false } },
        });
        Assert.Contains("must come after", (await invalid.JsonAsync()).GetProperty("errors").GetProperty("columns")[0].GetString());
        Assert.Equal(5, await factory.ScalarAsync("SELECT COUNT(*) FROM agile_column"));

        var badCard = await api.PostAsJsonAsync($"/api/v1/projects/{id}/agile/cards", new { title = "", estimateHours = -1 });
        var errors = (await badCard.JsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("title", out var t) && errors.TryGetProperty("estimateHours", out var e), errors.ToString());
        Assert.Equal(1, await factory.ScalarAsync("SELECT COUNT(*) FROM agile_card"));
    }

    [Fact]
    public async Task A_project_run_another_way_has_no_kanban_board()
    {
        using var factory = new TsPmoFactory(["TsPmo.Fixtures.Methodology"]);
        var api = await factory.CreateAdminApiAsync();
        var id = (await (await api.PostAsJsonAsync("/api/v1/projects", new { name = "Other", code = "OTH-1", methodology = "fixture-method" })).JsonAsync()).GetProperty("id").GetInt64();

        Assert.Equal(HttpStatusCode.NotFound, (await api.PostAsJsonAsync($"/api/v1/projects/{id}/agile/cards", new { title = "x" })).StatusCode);
    }
}
