using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace TsPmo.Waterfall.Tests;

/// <summary>
/// No lost updates in a Waterfall plan: the calendar is versioned and its holidays are addressed by id; tasks refuse a
/// stale edit on the API and on their page. The first save wins, the second is refused and the stored state is the first one.
/// </summary>
public sealed class StaleEditTestsWaterfall
{
    private static async Task<HttpClient> BrowserAsync(TsPmoFactory factory)
    {
        var browser = factory.CreateBrowserClient();
        await browser.SignInAsync(TsPmoFactory.AdminEmail, TsPmoFactory.AdminPassword);
        return browser;
    }

    private static object Week(string monday) => new Dictionary<string, object[]>
    {
        ["monday"] = [new { start = monday, end = "12:00" }, new { start = "13:00", end = "17:00" }],
        ["tuesday"] = [new { start = "08:00", end = "12:00" }, new { start = "13:00", end = "17:00" }],
    };

    private static async Task<string> MondayAsync(HttpClient api, long id) =>
        (await (await api.GetAsync($"/api/v1/projects/{id}/waterfall/calendar")).JsonAsync()).GetProperty("week").GetProperty("monday")[0].GetProperty("start").GetString()!;

    [Fact]
    public async Task Calendar_a_stale_put_is_a_409_and_the_first_week_is_kept()
    {
        var (factory, first, id) = await WaterfallPlanApiTests.WaterfallProjectAsync();
        using var __ = factory;
        var second = await factory.CreateAdminApiAsync();
        var url = $"/api/v1/projects/{id}/waterfall/calendar";
        var readByFirst = (await (await first.GetAsync(url)).JsonAsync()).GetProperty("version").GetInt64();
        var readBySecond = (await (await second.GetAsync(url)).JsonAsync()).GetProperty("version").GetInt64();
        Assert.Equal(0, readByFirst);

        var won = await first.PutAsJsonAsync(url, new { week = Week("07:00"), version = readByFirst });
        Assert.Equal(HttpStatusCode.OK, won.StatusCode);
        Assert.Equal(1, (await won.JsonAsync()).GetProperty("version").GetInt64());
        var lost = await second.PutAsJsonAsync(url, new { week = Week("09:00"), minutesPerDay = 420, version = readBySecond });

        Assert.Equal(HttpStatusCode.Conflict, lost.StatusCode);
        Assert.Contains("changed by someone else", (await lost.JsonAsync()).GetProperty("detail").GetString());
        var stored = await (await first.GetAsync(url)).JsonAsync();
        Assert.Equal("07:00", stored.GetProperty("week").GetProperty("monday")[0].GetProperty("start").GetString());
        Assert.Equal(480, stored.GetProperty("minutesPerDay").GetInt32());
        Assert.Equal(1, stored.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task Calendar_exceptions_are_addressed_by_id_and_keep_their_id_across_edits()
    {
        var (factory, api, id) = await WaterfallPlanApiTests.WaterfallProjectAsync();
        using var __ = factory;
        var url = $"/api/v1/projects/{id}/waterfall/calendar";
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync($"{url}/exceptions", new { from = "2026-04-06", name = "Easter Monday" })).StatusCode);
        var added = await api.PostAsJsonAsync($"{url}/exceptions", new { from = "2026-05-01", name = "Labour Day", version = 1 });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var calendar = await added.JsonAsync();
        Assert.Equal(2, calendar.GetProperty("version").GetInt64());
        var ids = calendar.GetProperty("exceptions").EnumerateArray().ToDictionary(e => e.GetProperty("name").GetString()!, e => e.GetProperty("id").GetInt64());

        // A stale add is refused and adds nothing.
        var staleAdd = await api.PostAsJsonAsync($"{url}/exceptions", new { from = "2026-12-24", name = "Christmas Eve", version = 1 });
        Assert.Equal(HttpStatusCode.Conflict, staleAdd.StatusCode);
        Assert.Equal(2, await factory.ScalarAsync("SELECT COUNT(*) FROM waterfall_calendar_exception"));

        // A full PUT that lists Labour Day by id (renamed) and leaves Easter out keeps Labour Day's row.
        var put = await api.PutAsJsonAsync(url, new { exceptions = new object[] { new { id = ids["Labour Day"], from = "2026-05-01", name = "May Day" } }, version = 2 });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var kept = (await put.JsonAsync()).GetProperty("exceptions").EnumerateArray().Single();
        Assert.Equal((ids["Labour Day"], "May Day"), (kept.GetProperty("id").GetInt64(), kept.GetProperty("name").GetString()));

        var unknown = await api.PutAsJsonAsync(url, new { exceptions = new object[] { new { id = ids["Easter Monday"], from = "2026-04-06" } } });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.True((await unknown.JsonAsync()).GetProperty("errors").TryGetProperty("exceptions", out _));

        Assert.Equal(HttpStatusCode.Conflict, (await api.DeleteAsync($"{url}/exceptions/{ids["Labour Day"]}?version=2")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.DeleteAsync($"{url}/exceptions/{ids["Easter Monday"]}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"{url}/exceptions/{ids["Labour Day"]}?version=3")).StatusCode);
        Assert.Equal(0, await factory.ScalarAsync("SELECT COUNT(*) FROM waterfall_calendar_exception"));
    }

    [Fact]
    public async Task Calendar_page_a_stale_week_or_removal_shows_the_conflict_and_writes_nothing_and_removal_is_by_id()
    {
        var (factory, api, id) = await WaterfallPlanApiTests.WaterfallProjectAsync();
        using var __ = factory;
        var url = $"/api/v1/projects/{id}/waterfall/calendar";
        await api.PostAsJsonAsync($"{url}/exceptions", new { from = "2026-04-06", name = "Easter Monday" });
        await api.PostAsJsonAsync($"{url}/exceptions", new { from = "2026-05-01", name = "Labour Day" });
        var ids = (await (await api.GetAsync(url)).JsonAsync()).GetProperty("exceptions").EnumerateArray()
            .ToDictionary(e => e.GetProperty("name").GetString()!, e => e.GetProperty("id").GetInt64());
        var browser = await BrowserAsync(factory);
        var page = $"/Projects/{id}/Waterfall/Calendar";
        var html = await browser.GetStringAsync(page);
        Assert.Contains("name=\"Version\" value=\"2\"", html);
        Assert.Contains($"exceptionId={ids["Labour Day"]}", html);

        // Someone else changes the week after the page was opened: the page's week save is refused, what was typed stays.
        Assert.Equal(HttpStatusCode.OK, (await api.PutAsJsonAsync(url, new { week = Week("07:00"), version = 2 })).StatusCode);
        var stale = await browser.PostFormAsync(page, $"{page}?handler=Week", ("Week[Monday]", "10:00-16:00"), ("Week[Tuesday]", "08:00-17:00"), ("HoursPerDay", "6"), ("Version", "2"));
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var staleHtml = WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync());
        Assert.Contains("changed by someone else", staleHtml);
        Assert.Contains("value=\"10:00-16:00\"", staleHtml);
        Assert.Contains("name=\"Version\" value=\"3\"", staleHtml);
        Assert.Equal("07:00", await MondayAsync(api, id));

        var staleRemove = await browser.PostFormAsync(page, $"{page}?handler=RemoveException&exceptionId={ids["Easter Monday"]}", ("Version", "2"));
        Assert.Contains("changed by someone else", WebUtility.HtmlDecode(await staleRemove.Content.ReadAsStringAsync()));
        Assert.Equal(2, await factory.ScalarAsync("SELECT COUNT(*) FROM waterfall_calendar_exception"));

        // With the current version the removal names its exception by id, whatever its place in the list.
        var removed = await browser.PostFormAsync(page, $"{page}?handler=RemoveException&exceptionId={ids["Labour Day"]}", ("Version", "3"));
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal("Easter Monday", await factory.ScalarTextAsync("SELECT name FROM waterfall_calendar_exception"));
        var gone = await browser.PostFormAsync(page, $"{page}?handler=RemoveException&exceptionId={ids["Labour Day"]}", ("Version", "4"));
        Assert.Contains("no longer in the calendar", WebUtility.HtmlDecode(await gone.Content.ReadAsStringAsync()));
        Assert.Equal(1, await factory.ScalarAsync("SELECT COUNT(*) FROM waterfall_calendar_exception"));
    }

    [Fact]
    public async Task Task_two_editors_the_first_patch_wins_and_a_stale_page_save_writes_nothing()
    {
        var (factory, first, id) = await WaterfallPlanApiTests.WaterfallProjectAsync();
        using var __ = factory;
        var second = await factory.CreateAdminApiAsync();
        var task = await WaterfallPlanApiTests.TaskAsync(first, id, new { name = "Survey", durationDays = 4 });
        var url = $"/api/v1/projects/{id}/waterfall/tasks/{task.GetProperty("id").GetInt64()}";
        var version = task.GetProperty("version").GetInt64();

        Assert.Equal(HttpStatusCode.OK, (await first.PatchAsJsonAsync(url, new { name = "Site survey", durationDays = 5, version })).StatusCode);
        var lost = await second.PatchAsJsonAsync(url, new { name = "Survey (stale)", durationDays = 9, version });
        Assert.Equal(HttpStatusCode.Conflict, lost.StatusCode);
        var stored = await (await first.GetAsync(url)).JsonAsync();
        Assert.Equal("Site survey", stored.GetProperty("name").GetString());

        var browser = await BrowserAsync(factory);
        var page = $"/Projects/{id}/Waterfall/Tasks/{task.GetProperty("id").GetInt64()}";
        var stale = await browser.PostFormAsync(page, page, ("Input.Name", "Survey typed on the page"), ("Input.DurationDays", "3"), ("Version", version.ToString()));
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var html = WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync());
        Assert.Contains("changed by someone else", html);
        Assert.Contains("value=\"Survey typed on the page\"", html);
        Assert.Contains($"name=\"Version\" value=\"{version + 1}\"", html);
        Assert.Equal("Site survey", await factory.ScalarTextAsync("SELECT name FROM waterfall_task WHERE id = @taskId", new { taskId = task.GetProperty("id").GetInt64() }));
    }

    [Fact]
    public async Task Calendar_an_import_moves_the_version_on_so_a_form_opened_before_it_is_stale()
    {
        var (factory, api, id) = await WaterfallPlanApiTests.WaterfallProjectAsync();
        using var __ = factory;
        var url = $"/api/v1/projects/{id}/waterfall/calendar";
        Assert.Equal(HttpStatusCode.OK, (await api.PutAsJsonAsync(url, new { week = Week("07:00"), version = 0 })).StatusCode);
        var xml = WaterfallMspdiXml.Build("Office move", new DateTime(2026, 3, 2, 8, 0, 0), [new(1, "Survey", 1, 16)]);
        var imported = await api.PostAsync($"/api/v1/projects/{id}/waterfall/import", new StringContent(xml, System.Text.Encoding.UTF8, "application/xml"));
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);

        Assert.Equal(2, (await (await api.GetAsync(url)).JsonAsync()).GetProperty("version").GetInt64());
        var stale = await api.PutAsJsonAsync(url, new { week = Week("09:00"), version = 1 });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("08:00", await MondayAsync(api, id));
    }
}
