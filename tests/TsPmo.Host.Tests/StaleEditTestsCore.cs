using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TsPmo.Core.Settings;

namespace TsPmo.Host.Tests;

/// <summary>
/// No lost updates in what core edits besides projects, people and documents: module settings, project members and
/// people's time off. A stale edit is refused (409 on the API, a message on the page) and the first save is kept.
/// </summary>
public sealed class StaleEditTestsCore
{
    private static async Task<HttpClient> BrowserAsync(TsPmoFactory factory)
    {
        var browser = factory.CreateBrowserClient();
        await browser.SignInAsync(TsPmoFactory.AdminEmail, TsPmoFactory.AdminPassword);
        return browser;
    }

    private static async Task<(string Key, string Value)[]> RiskSettingsFormAsync(TsPmoFactory factory, string reviewDays, long reviewDaysVersion)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var settings = await scope.ServiceProvider.GetRequiredService<ModuleSettings>().ListAsync("risk");
        var versions = await scope.ServiceProvider.GetRequiredService<ModuleSettings>().VersionsAsync("risk");
        return settings.SelectMany(s => new[]
        {
            ($"Values[{s.Definition.Key}]", s.Definition.Key == "reviewDays" ? reviewDays : s.Value),
            ($"Versions[{s.Definition.Key}]", (s.Definition.Key == "reviewDays" ? reviewDaysVersion : versions[s.Definition.Key]).ToString()),
        }).ToArray();
    }

    [Fact]
    public async Task Module_settings_page_a_stale_save_shows_the_conflict_keeps_the_typed_value_and_writes_nothing()
    {
        using var factory = new TsPmoFactory();
        var first = await BrowserAsync(factory);
        var second = await BrowserAsync(factory);
        const string page = "/Admin/ModuleSettings?id=risk";
        Assert.Contains("name=\"Versions[reviewDays]\" value=\"0\"", await first.GetStringAsync(page));
        Assert.Contains("name=\"Versions[reviewDays]\" value=\"0\"", await second.GetStringAsync(page));

        var won = await first.PostFormAsync(page, page, await RiskSettingsFormAsync(factory, "14", 0));
        Assert.Equal(HttpStatusCode.Redirect, won.StatusCode);
        Assert.Equal("14", await factory.ScalarTextAsync("SELECT value FROM core_setting WHERE module_id = 'risk' AND key = 'reviewDays'"));

        var lost = await second.PostFormAsync(page, page, await RiskSettingsFormAsync(factory, "45", 0));
        Assert.Equal(HttpStatusCode.OK, lost.StatusCode);
        var html = WebUtility.HtmlDecode(await lost.Content.ReadAsStringAsync());
        Assert.Contains("changed by someone else", html);
        Assert.Contains("value=\"45\"", html);
        Assert.Contains("name=\"Versions[reviewDays]\" value=\"1\"", html);
        Assert.Equal("14", await factory.ScalarTextAsync("SELECT value FROM core_setting WHERE module_id = 'risk' AND key = 'reviewDays'"));
        Assert.Equal(1, await factory.ScalarAsync("SELECT COUNT(*) FROM core_audit WHERE entity_id = 'risk.reviewDays'"));
    }

    [Fact]
    public async Task Member_two_managers_the_first_role_change_wins_and_stale_changes_and_removals_write_nothing()
    {
        using var factory = new TsPmoFactory();
        var first = await factory.CreateAdminApiAsync();
        var second = await factory.CreateAdminApiAsync();
        var id = (await (await first.PostAsJsonAsync("/api/v1/projects", new { name = "Portal", code = "PRT-1", methodology = "scrum" })).JsonAsync()).GetProperty("id").GetInt64();
        var personId = (await (await first.PostAsJsonAsync("/api/v1/people", new { name = "Mia Member", weeklyCapacityHours = 40 })).JsonAsync()).GetProperty("id").GetInt64();
        var added = await first.PostAsJsonAsync($"/api/v1/projects/{id}/members", new { personId, role = "Member" });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var version = (await added.JsonAsync()).GetProperty("version").GetInt64();
        var url = $"/api/v1/projects/{id}/members/{personId}";

        var won = await first.PutAsJsonAsync(url, new { role = "Viewer", version });
        Assert.Equal(HttpStatusCode.OK, won.StatusCode);
        Assert.Equal(version + 1, (await won.JsonAsync()).GetProperty("version").GetInt64());
        var lost = await second.PutAsJsonAsync(url, new { role = "Manager", version });
        Assert.Equal(HttpStatusCode.Conflict, lost.StatusCode);
        Assert.Contains("changed by someone else", (await lost.JsonAsync()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await second.DeleteAsync($"{url}?version={version}")).StatusCode);
        Assert.Equal("Viewer", await factory.ScalarTextAsync("SELECT role FROM core_project_member WHERE project_id = @id AND person_id = @personId", new { id, personId }));

        var browser = await BrowserAsync(factory);
        var page = $"/Projects/{id}/Members";
        Assert.Contains($"name=\"version\" value=\"{version + 1}\"", await browser.GetStringAsync(page));
        var stale = await browser.PostFormAsync(page, $"{page}?handler=Role", ("personId", personId.ToString()), ("role", "Manager"), ("version", version.ToString()));
        Assert.Equal(HttpStatusCode.Redirect, stale.StatusCode);
        Assert.Contains("changed by someone else", WebUtility.HtmlDecode(await browser.GetStringAsync(page)));
        var staleRemove = await browser.PostFormAsync(page, $"{page}?handler=Remove", ("personId", personId.ToString()), ("version", version.ToString()));
        Assert.Equal(HttpStatusCode.Redirect, staleRemove.StatusCode);
        Assert.Equal("Viewer", await factory.ScalarTextAsync("SELECT role FROM core_project_member WHERE project_id = @id AND person_id = @personId", new { id, personId }));

        var current = await browser.PostFormAsync(page, $"{page}?handler=Remove", ("personId", personId.ToString()), ("version", (version + 1).ToString()));
        Assert.Equal(HttpStatusCode.Redirect, current.StatusCode);
        Assert.Equal(0, await factory.ScalarAsync("SELECT COUNT(*) FROM core_project_member WHERE project_id = @id AND person_id = @personId", new { id, personId }));
    }

    [Fact]
    public async Task Time_off_is_removed_by_id_and_a_second_removal_of_the_same_period_changes_nothing()
    {
        using var factory = new TsPmoFactory();
        var first = await factory.CreateAdminApiAsync();
        var second = await factory.CreateAdminApiAsync();
        var personId = (await (await first.PostAsJsonAsync("/api/v1/people", new { name = "Tom Timeoff", weeklyCapacityHours = 40 })).JsonAsync()).GetProperty("id").GetInt64();
        var periods = new List<long>();
        foreach (var start in new[] { "2030-07-01", "2030-08-01" })
            periods.Add((await (await first.PostAsJsonAsync($"/api/v1/people/{personId}/time-off", new { start, end = start, reason = "Leave" })).JsonAsync()).GetProperty("id").GetInt64());

        Assert.Equal(HttpStatusCode.NoContent, (await first.DeleteAsync($"/api/v1/people/{personId}/time-off/{periods[0]}")).StatusCode);
        var again = await second.DeleteAsync($"/api/v1/people/{personId}/time-off/{periods[0]}");
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);

        var browser = await BrowserAsync(factory);
        var page = $"/People/{personId}";
        var stale = await browser.PostFormAsync(page, $"{page}?handler=RemoveTimeOff", ("timeOffId", periods[0].ToString()));
        Assert.Equal(HttpStatusCode.Redirect, stale.StatusCode);
        Assert.Contains("was not found", WebUtility.HtmlDecode(await browser.GetStringAsync(page)));
        Assert.Equal(periods[1], await factory.ScalarAsync("SELECT id FROM core_person_time_off WHERE person_id = @personId", new { personId }));
    }
}
