using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace TsPmo.Risk.Tests;

/// <summary>
/// No lost updates in the Risk module: risks, their mitigation actions and RAID entries refuse a stale edit (409 on the
/// API, a message on the page) and keep the first save.
/// </summary>
public sealed class StaleEditTestsRisk
{
    private static async Task<(TsPmoFactory Factory, HttpClient First, HttpClient Second, long ProjectId)> ProjectAsync()
    {
        var factory = new TsPmoFactory();
        var first = await factory.CreateAdminApiAsync();
        var second = await factory.CreateAdminApiAsync();
        var project = await (await first.PostAsJsonAsync("/api/v1/projects", new { name = "Payments platform", code = "PAY-1", methodology = "agile" })).JsonAsync();
        return (factory, first, second, project.GetProperty("id").GetInt64());
    }

    private static async Task<HttpClient> BrowserAsync(TsPmoFactory factory)
    {
        var browser = factory.CreateBrowserClient();
        await browser.SignInAsync(TsPmoFactory.AdminEmail, TsPmoFactory.AdminPassword);
        return browser;
    }

    private static async Task<long> RiskAsync(HttpClient api, long id) =>
        (await (await api.PostAsJsonAsync($"/api/v1/projects/{id}/risk/risks", new { title = "Card vendor changes its API", category = "Vendor", probability = 3, impact = 4 })).JsonAsync())
            .GetProperty("id").GetInt64();

    [Fact]
    public async Task Action_two_editors_the_first_put_wins_and_a_stale_page_status_writes_nothing()
    {
        var (factory, first, second, id) = await ProjectAsync();
        using var _ = factory;
        var riskId = await RiskAsync(first, id);
        var action = await (await first.PostAsJsonAsync($"/api/v1/projects/{id}/risk/risks/{riskId}/actions", new { title = "Sign SLA", dueDate = "2030-01-01" })).JsonAsync();
        var actionId = action.GetProperty("id").GetInt64();
        var version = action.GetProperty("version").GetInt64();
        var url = $"/api/v1/projects/{id}/risk/risks/{riskId}/actions/{actionId}";

        Assert.Equal(HttpStatusCode.OK, (await first.PutAsJsonAsync(url, new { title = "Sign SLA with penalties", dueDate = "2030-02-01", status = "InProgress", version })).StatusCode);
        var lost = await second.PutAsJsonAsync(url, new { title = "Sign SLA (stale)", dueDate = "2031-01-01", status = "Done", version });
        Assert.Equal(HttpStatusCode.Conflict, lost.StatusCode);
        Assert.Contains("changed by someone else", (await lost.JsonAsync()).GetProperty("detail").GetString());
        Assert.Equal("Sign SLA with penalties", await factory.ScalarTextAsync("SELECT title FROM risk_action WHERE id = @actionId", new { actionId }));
        Assert.Equal("2030-02-01", await factory.ScalarTextAsync("SELECT due_date FROM risk_action WHERE id = @actionId", new { actionId }));

        var browser = await BrowserAsync(factory);
        var page = $"/Projects/{id}/Risk/{riskId}";
        var stale = await browser.PostFormAsync(page, $"{page}?handler=ActionStatus", ("actionId", actionId.ToString()), ("actionVersion", version.ToString()), ("status", "Done"));
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("changed by someone else", WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync()));
        Assert.Equal("InProgress", await factory.ScalarTextAsync("SELECT status FROM risk_action WHERE id = @actionId", new { actionId }));
    }

    [Fact]
    public async Task Risk_page_a_stale_reassessment_shows_the_conflict_keeps_the_typed_text_and_writes_nothing()
    {
        var (factory, api, _, id) = await ProjectAsync();
        using var __ = factory;
        var riskId = await RiskAsync(api, id);
        var browser = await BrowserAsync(factory);
        var page = $"/Projects/{id}/Risk/{riskId}";
        Assert.Contains("name=\"Version\" value=\"1\"", await browser.GetStringAsync(page));
        Assert.Equal(HttpStatusCode.OK, (await api.PatchAsJsonAsync($"/api/v1/projects/{id}/risk/risks/{riskId}", new { probability = 5, version = 1 })).StatusCode);

        var stale = await browser.PostFormAsync(page, page, ("Input.Title", "Vendor API typed on the page"), ("Input.Probability", "1"), ("Input.Impact", "1"),
            ("Input.Kind", "Threat"), ("Input.Category", "Vendor"), ("Input.Status", "Open"), ("Version", "1"));
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var html = WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync());
        Assert.Contains("changed by someone else", html);
        Assert.Contains("value=\"Vendor API typed on the page\"", html);
        Assert.Contains("name=\"Version\" value=\"2\"", html);
        Assert.Equal(5, await factory.ScalarAsync("SELECT probability FROM risk_risk WHERE id = @riskId", new { riskId }));
        Assert.Equal("Card vendor changes its API", await factory.ScalarTextAsync("SELECT title FROM risk_risk WHERE id = @riskId", new { riskId }));
    }

    [Fact]
    public async Task Issue_page_a_stale_save_shows_the_conflict_and_writes_nothing()
    {
        var (factory, api, _, id) = await ProjectAsync();
        using var __ = factory;
        var url = $"/api/v1/projects/{id}/risk/issues";
        var issue = await (await api.PostAsJsonAsync(url, new { title = "SSO login fails", severity = "high" })).JsonAsync();
        var issueId = issue.GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.OK, (await api.PutAsJsonAsync($"{url}/{issueId}", new { title = "SSO login fails for contractors", severity = "high", version = 1 })).StatusCode);

        var browser = await BrowserAsync(factory);
        var page = $"/Projects/{id}/Risk/Issues/{issueId}";
        var stale = await browser.PostFormAsync(page, page, ("Input.Title", "SSO typed on the page"), ("Input.Severity", "Low"), ("Input.Status", "Open"), ("Version", "1"));
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var html = WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync());
        Assert.Contains("changed by someone else", html);
        Assert.Contains("value=\"SSO typed on the page\"", html);
        Assert.Contains("name=\"Version\" value=\"2\"", html);
        Assert.Equal("SSO login fails for contractors", await factory.ScalarTextAsync("SELECT title FROM risk_issue WHERE id = @issueId", new { issueId }));
    }
}
