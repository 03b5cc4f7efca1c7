using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace TsPmo.Agile.Tests;

/// <summary>
/// No lost updates on a Kanban board: two editors read the same version of a card, the columns or the forecast settings;
/// the first save wins, the second is refused (409 on the API, a message on the page) and the stored state is the first one.
/// </summary>
public sealed class StaleEditTestsAgile
{
    private static async Task<(TsPmoFactory Factory, HttpClient First, HttpClient Second, long ProjectId)> BoardAsync()
    {
        var factory = new TsPmoFactory();
        var first = await factory.CreateAdminApiAsync();
        var second = await factory.CreateAdminApiAsync();
        var project = await (await first.PostAsJsonAsync("/api/v1/projects", new { name = "Support flow", code = "SUP-1", methodology = "agile" })).JsonAsync();
        return (factory, first, second, project.GetProperty("id").GetInt64());
    }

    private static async Task<HttpClient> BrowserAsync(TsPmoFactory factory)
    {
        var browser = factory.CreateBrowserClient();
        await browser.SignInAsync(TsPmoFactory.AdminEmail, TsPmoFactory.AdminPassword);
        return browser;
    }

    private static async Task<string> ColumnNamesAsync(HttpClient api, long id) =>
        string.Join("|", (await (await api.GetAsync($"/api/v1/projects/{id}/agile/columns")).JsonAsync()).EnumerateArray()
            .Select(c => $"{c.GetProperty("name").GetString()}:{(c.GetProperty("wipLimit").ValueKind == JsonValueKind.Null ? "-" : c.GetProperty("wipLimit").GetInt32())}"));

    private static object[] Columns(int reviewLimit) =>
    [
        new { name = "Backlog" }, new { name = "Ready" }, new { name = "In progress", wipLimit = 3, started = true },
        new { name = "Review", wipLimit = reviewLimit }, new { name = "Done", done = true },
    ];

    [Fact]
    public async Task Card_a_stale_put_is_a_409_and_the_first_save_is_kept()
    {
        var (factory, first, second, id) = await BoardAsync();
        using var _ = factory;
        var card = await (await first.PostAsJsonAsync($"/api/v1/projects/{id}/agile/cards", new { title = "Reset passwords" })).JsonAsync();
        var url = $"/api/v1/projects/{id}/agile/cards/{card.GetProperty("id").GetInt64()}";
        var readByFirst = (await (await first.GetAsync(url)).JsonAsync()).GetProperty("version").GetInt64();
        var readBySecond = (await (await second.GetAsync(url)).JsonAsync()).GetProperty("version").GetInt64();
        Assert.Equal(readByFirst, readBySecond);

        var won = await first.PutAsJsonAsync(url, new { title = "Reset passwords faster", estimateHours = 5, version = readByFirst });
        Assert.Equal(HttpStatusCode.OK, won.StatusCode);
        var lost = await second.PutAsJsonAsync(url, new { title = "Reset passwords (stale)", estimateHours = 13, version = readBySecond });

        Assert.Equal(HttpStatusCode.Conflict, lost.StatusCode);
        Assert.Equal("application/problem+json", lost.Content.Headers.ContentType?.MediaType);
        Assert.Contains("changed by someone else", (await lost.JsonAsync()).GetProperty("detail").GetString());
        var stored = await (await first.GetAsync(url)).JsonAsync();
        Assert.Equal("Reset passwords faster", stored.GetProperty("title").GetString());
        Assert.Equal(5, stored.GetProperty("estimateHours").GetDecimal());
        Assert.Equal(readByFirst + 1, stored.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task Card_page_a_stale_edit_shows_the_conflict_keeps_the_typed_text_and_writes_nothing()
    {
        var (factory, api, _, id) = await BoardAsync();
        using var __ = factory;
        var card = await (await api.PostAsJsonAsync($"/api/v1/projects/{id}/agile/cards", new { title = "Triage queue" })).JsonAsync();
        var cardId = card.GetProperty("id").GetInt64();
        var browser = await BrowserAsync(factory);
        var page = $"/Projects/{id}/Agile/Cards/{cardId}";
        Assert.Contains("name=\"Version\" value=\"1\"", await browser.GetStringAsync(page));
        Assert.Equal(HttpStatusCode.OK, (await api.PutAsJsonAsync($"/api/v1/projects/{id}/agile/cards/{cardId}", new { title = "Triage queue daily", version = 1 })).StatusCode);

        var stale = await browser.PostFormAsync(page, page, ("Input.Title", "Triage queue hourly"), ("Input.ClassOfService", "Standard"), ("Version", "1"));

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var html = WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync());
        Assert.Contains("changed by someone else", html);
        Assert.Contains("value=\"Triage queue hourly\"", html);
        Assert.Contains("name=\"Version\" value=\"2\"", html);
        Assert.Equal("Triage queue daily", await factory.ScalarTextAsync("SELECT title FROM agile_card WHERE id = @cardId", new { cardId }));
    }

    [Fact]
    public async Task Columns_a_stale_put_is_a_409_and_the_first_layout_is_kept()
    {
        var (factory, first, second, id) = await BoardAsync();
        using var _ = factory;
        var readByFirst = (await (await first.GetAsync($"/api/v1/projects/{id}/agile/board")).JsonAsync()).GetProperty("columnsVersion").GetInt64();
        var readBySecond = (await (await second.GetAsync($"/api/v1/projects/{id}/agile/board")).JsonAsync()).GetProperty("columnsVersion").GetInt64();

        var won = await first.PutAsJsonAsync($"/api/v1/projects/{id}/agile/columns", new { columns = Columns(2), version = readByFirst });
        Assert.Equal(HttpStatusCode.OK, won.StatusCode);
        var afterFirst = await ColumnNamesAsync(first, id);
        var lost = await second.PutAsJsonAsync($"/api/v1/projects/{id}/agile/columns", new { columns = Columns(9), version = readBySecond });

        Assert.Equal(HttpStatusCode.Conflict, lost.StatusCode);
        Assert.Contains("changed by someone else", (await lost.JsonAsync()).GetProperty("detail").GetString());
        Assert.Equal(afterFirst, await ColumnNamesAsync(first, id));
        Assert.Contains("Review:2", afterFirst);
        Assert.Equal(readByFirst + 1, (await (await first.GetAsync($"/api/v1/projects/{id}/agile/board")).JsonAsync()).GetProperty("columnsVersion").GetInt64());
    }

    [Fact]
    public async Task Columns_page_a_stale_save_shows_the_conflict_and_writes_nothing()
    {
        var (factory, api, _, id) = await BoardAsync();
        using var __ = factory;
        var browser = await BrowserAsync(factory);
        var page = $"/Projects/{id}/Agile/Columns";
        Assert.Contains("name=\"Version\" value=\"0\"", await browser.GetStringAsync(page));
        Assert.Equal(HttpStatusCode.OK, (await api.PutAsJsonAsync($"/api/v1/projects/{id}/agile/columns", new { columns = Columns(2), version = 0 })).StatusCode);
        var stored = await ColumnNamesAsync(api, id);

        var stale = await browser.PostFormAsync(page, page,
            ("Rows[0].Name", "Backlog"), ("Rows[0].OriginalName", "Backlog"), ("Rows[1].Name", "Ready"), ("Rows[1].OriginalName", "Ready"),
            ("Rows[2].Name", "Doing"), ("Rows[2].WipLimit", "4"), ("Rows[2].OriginalName", "In progress"),
            ("Rows[3].Name", "Review"), ("Rows[3].WipLimit", "7"), ("Rows[3].OriginalName", "Review"),
            ("Rows[4].Name", "Done"), ("Rows[4].OriginalName", "Done"), ("StartedRow", "2"), ("DoneRow", "4"), ("Version", "0"));

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var html = WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync());
        Assert.Contains("changed by someone else", html);
        Assert.Contains("value=\"Doing\"", html);
        Assert.Contains("name=\"Version\" value=\"1\"", html);
        Assert.Equal(stored, await ColumnNamesAsync(api, id));
    }

    [Fact]
    public async Task Forecast_settings_a_stale_put_is_a_409_and_a_stale_page_save_writes_nothing()
    {
        var (factory, first, second, id) = await BoardAsync();
        using var _ = factory;
        var url = $"/api/v1/projects/{id}/agile/settings";
        var readByFirst = await (await first.GetAsync(url)).JsonAsync();
        var readBySecond = await (await second.GetAsync(url)).JsonAsync();
        Assert.Equal(0, readByFirst.GetProperty("version").GetInt64());

        var won = await first.PutAsJsonAsync(url, new { trials = 2000, historyWeeks = 12, version = readByFirst.GetProperty("version").GetInt64() });
        Assert.Equal(HttpStatusCode.OK, won.StatusCode);
        Assert.Equal(1, (await won.JsonAsync()).GetProperty("version").GetInt64());
        var lost = await second.PutAsJsonAsync(url, new { trials = 50000, historyWeeks = 52, version = readBySecond.GetProperty("version").GetInt64() });

        Assert.Equal(HttpStatusCode.Conflict, lost.StatusCode);
        var stored = await (await first.GetAsync(url)).JsonAsync();
        Assert.Equal((2000, 12), (stored.GetProperty("trials").GetInt32(), stored.GetProperty("historyWeeks").GetInt32()));

        var browser = await BrowserAsync(factory);
        var page = $"/Projects/{id}/Agile/Forecast";
        Assert.Contains("name=\"Settings.Version\" value=\"1\"", await browser.GetStringAsync(page));
        var stale = await browser.PostFormAsync(page, $"{page}?handler=Settings", ("Settings.Trials", "777"), ("Settings.HistoryWeeks", "8"), ("Settings.Version", "0"));
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var html = WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync());
        Assert.Contains("changed by someone else", html);
        Assert.Contains("value=\"777\"", html);
        Assert.Equal(2000, await factory.ScalarAsync("SELECT forecast_trials FROM agile_settings WHERE project_id = @id", new { id }));
    }
}
