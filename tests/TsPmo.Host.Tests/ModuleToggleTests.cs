using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;

namespace TsPmo.Host.Tests;

public sealed class ModuleToggleTests
{
    [Fact]
    public async Task Modules_api_lists_modules_in_camel_case_with_enum_names()
    {
        using var factory = new TsPmoFactory(["TsPmo.Fixtures.Dependent"]);
        var api = await factory.CreateAdminApiAsync();

        var modules = (await (await api.GetAsync("/api/v1/modules")).JsonAsync()).EnumerateArray().ToList();
        var dependent = modules.Single(m => m.GetProperty("id").GetString() == "fixture-dependent");

        Assert.Equal("Capability", dependent.GetProperty("kind").GetString());
        Assert.True(dependent.GetProperty("enabled").GetBoolean());
        Assert.Equal("Enabled", dependent.GetProperty("status").GetString());
        Assert.Equal(["announcements"], dependent.GetProperty("dependsOn").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal("1.0", dependent.GetProperty("version").GetString());
    }

    [Fact]
    public async Task Disabling_a_module_hides_pages_api_menu_and_widget_at_once_and_keeps_its_data()
    {
        using var factory = new TsPmoFactory();
        var api = await factory.CreateAdminApiAsync();
        var browser = factory.CreateBrowserClient();
        await browser.SignInAsync(TsPmoFactory.AdminEmail, TsPmoFactory.AdminPassword);

        var created = await api.PostAsJsonAsync("/api/v1/announcements/", new { title = "Release freeze", body = "From **Friday**.", pinned = true });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Contains("href=\"/Announcements\"", await browser.GetStringAsync("/"));
        Assert.Contains("Release freeze", await browser.GetStringAsync("/"));

        var disabled = await api.PostAsync("/api/v1/modules/announcements/disable", null);
        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        Assert.Equal("Disabled", (await disabled.JsonAsync()).GetProperty("status").GetString());

        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/Announcements")).StatusCode);
        var apiGone = await api.GetAsync("/api/v1/announcements/");
        Assert.Equal(HttpStatusCode.NotFound, apiGone.StatusCode);
        Assert.Equal("application/problem+json", apiGone.Content.Headers.ContentType?.MediaType);
        var home = await browser.GetStringAsync("/");
        Assert.DoesNotContain("href=\"/Announcements\"", home);
        Assert.DoesNotContain("Release freeze", home);

        await using (var db = new SqliteConnection(factory.ConnectionString))
            Assert.Equal(1, await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM announcements_item"));

        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync("/api/v1/modules/announcements/enable", null)).StatusCode);
        var back = await (await api.GetAsync("/api/v1/announcements/")).JsonAsync();
        Assert.Equal("Release freeze", back[0].GetProperty("title").GetString());
        Assert.Contains("Release freeze", await browser.GetStringAsync("/Announcements"));
    }

    [Fact]
    public async Task Dependency_rules_refuse_with_409_and_change_nothing()
    {
        using var factory = new TsPmoFactory(["TsPmo.Fixtures.Dependent"]);
        var api = await factory.CreateAdminApiAsync();

        var refused = await api.PostAsync("/api/v1/modules/announcements/disable", null);
        Assert.True(refused.StatusCode == HttpStatusCode.Conflict, await refused.Content.ReadAsStringAsync());
        Assert.Contains("Dependent fixture", (await refused.JsonAsync()).GetProperty("detail").GetString());
        Assert.True(await EnabledAsync(api, "announcements"));

        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync("/api/v1/modules/fixture-dependent/disable", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync("/api/v1/modules/announcements/disable", null)).StatusCode);

        var needsDependency = await api.PostAsync("/api/v1/modules/fixture-dependent/enable", null);
        Assert.Equal(HttpStatusCode.Conflict, needsDependency.StatusCode);
        Assert.Contains("Announcements", (await needsDependency.JsonAsync()).GetProperty("detail").GetString());
        Assert.False(await EnabledAsync(api, "fixture-dependent"));
    }

    [Fact]
    public async Task Unknown_module_is_a_404_problem()
    {
        using var factory = new TsPmoFactory();
        var api = await factory.CreateAdminApiAsync();

        var response = await api.PostAsync("/api/v1/modules/no-such-module/enable", null);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Module_project_api_routes_carry_the_project_id_and_are_gated_too()
    {
        using var factory = new TsPmoFactory(["TsPmo.Fixtures.Dependent"]);
        var api = await factory.CreateAdminApiAsync();
        var projectId = await factory.ProjectAsync("PING");

        var ping = await (await api.GetAsync($"/api/v1/projects/{projectId}/fixture-dependent/ping")).JsonAsync();
        Assert.Equal(projectId, ping.GetProperty("projectId").GetInt64());
        // A project that does not exist is a 404 before the module sees the request.
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("/api/v1/projects/424242/fixture-dependent/ping")).StatusCode);

        await api.PostAsync("/api/v1/modules/fixture-dependent/disable", null);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/projects/{projectId}/fixture-dependent/ping")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("/api/v1/fixture-dependent/ping")).StatusCode);
    }

    [Fact]
    public async Task Only_admins_toggle_modules()
    {
        using var factory = new TsPmoFactory();
        var admin = factory.CreateBrowserClient();
        await admin.SignInAsync(TsPmoFactory.AdminEmail, TsPmoFactory.AdminPassword);
        await admin.PostFormAsync("/Admin/Users", "/Admin/Users?handler=Create",
            ("Input.DisplayName", "Mo Member"), ("Input.Email", "mo@example.com"), ("Input.Role", "Member"), ("Input.Password", "member-password"));

        var member = factory.CreateClient().WithToken(await factory.CreateClient().TokenAsync("mo@example.com", "member-password"));
        var refused = await member.PostAsync("/api/v1/modules/announcements/disable", null);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.True(await EnabledAsync(member, "announcements"));

        var memberBrowser = factory.CreateBrowserClient();
        await memberBrowser.SignInAsync("mo@example.com", "member-password");
        var page = await memberBrowser.GetAsync("/Admin/Modules");
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
    }

    [Fact]
    public async Task Admin_page_toggles_a_module_and_explains_a_refusal()
    {
        using var factory = new TsPmoFactory(["TsPmo.Fixtures.Dependent"]);
        var browser = factory.CreateBrowserClient();
        await browser.SignInAsync(TsPmoFactory.AdminEmail, TsPmoFactory.AdminPassword);

        var refused = await browser.PostFormAsync("/Admin/Modules", "/Admin/Modules?handler=Disable&id=announcements");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        var page = await browser.GetStringAsync("/Admin/Modules");
        Assert.Contains("cannot be disabled while Dependent fixture depends on it", page);

        await browser.PostFormAsync("/Admin/Modules", "/Admin/Modules?handler=Disable&id=fixture-dependent");
        Assert.Contains("Dependent fixture is disabled.", await browser.GetStringAsync("/Admin/Modules"));
    }

    [Fact]
    public async Task Forms_without_an_antiforgery_token_are_refused()
    {
        using var factory = new TsPmoFactory();
        var browser = factory.CreateBrowserClient();
        await browser.SignInAsync(TsPmoFactory.AdminEmail, TsPmoFactory.AdminPassword);

        var response = await browser.PostAsync("/Admin/Modules?handler=Disable&id=announcements", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var api = await factory.CreateAdminApiAsync();
        Assert.True(await EnabledAsync(api, "announcements"));
    }

    private static async Task<bool> EnabledAsync(HttpClient api, string id)
    {
        var module = await (await api.GetAsync($"/api/v1/modules/{id}")).Content.ReadFromJsonAsync<JsonElement>();
        return module.GetProperty("enabled").GetBoolean();
    }
}
