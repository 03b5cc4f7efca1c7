using System.Net;
using System.Net.Http.Json;
using TsPmo.Sdk.Security;

namespace TsPmo.Host.Tests;

/// <summary>The people pages and a project's members page, driven like a browser without JavaScript.</summary>
public sealed class PeoplePagesTests(SharedTsPmoFactory factory) : IClassFixture<SharedTsPmoFactory>
{
    private async Task<HttpClient> AdminAsync()
    {
        var browser = factory.CreateBrowserClient();
        await browser.SignInAsync(TsPmoFactory.AdminEmail, TsPmoFactory.AdminPassword);
        return browser;
    }

    private async Task<HttpClient> BrowserAsAsync(string email, string role)
    {
        factory.CreateClient().Dispose();
        await factory.UserAsync(email, role);
        var browser = factory.CreateBrowserClient();
        await browser.SignInAsync(email, PeopleSeed.Password);
        return browser;
    }

    private async Task<long> CreatePersonAsync(string name, string? email = null)
    {
        var api = await factory.CreateAdminApiAsync();
        var response = await api.PostAsJsonAsync("/api/v1/people", new { name, email, title = "Analyst", skills = new[] { new { name = "Excel", level = 4 } } });
        return (await response.JsonAsync()).GetProperty("id").GetInt64();
    }

    [Fact]
    public async Task The_directory_has_a_menu_entry_a_search_form_and_a_captioned_table()
    {
        var admin = await AdminAsync();
        await CreatePersonAsync("Dina Directory", "dina@example.com");

        var html = WebUtility.HtmlDecode(await admin.GetStringAsync("/People?q=dina&skill=excel"));

        Assert.Contains("href=\"/People\"", html);
        Assert.Contains("<label for=\"q\"", html);
        Assert.Contains("<label for=\"skill\"", html);
        Assert.Contains("<caption>", html);
        Assert.Contains("1 person found", html);
        Assert.Contains("Dina Directory", html);
        Assert.Contains("Excel", html);
        Assert.Contains("scope=\"col\"", html);
        Assert.DoesNotContain("<script>", html);
    }

    [Fact]
    public async Task A_person_is_added_with_the_form_and_shown_with_skills_and_levels()
    {
        var admin = await AdminAsync();

        var response = await admin.PostFormAsync("/People/New", "/People/New",
            ("Input.Name", "Fiona Form"), ("Input.Email", "fiona@example.com"), ("Input.Title", "Architect"), ("Input.WeeklyCapacityHours", "36"),
            ("Input.UserId", ""), ("Input.Skills[0].Name", "Kubernetes"), ("Input.Skills[0].Level", "5"), ("Input.Skills[1].Name", ""), ("Input.Skills[1].Level", "3"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.Matches("^/People/[0-9]+$", location);
        var html = WebUtility.HtmlDecode(await admin.GetStringAsync(location));
        Assert.Contains("Fiona Form was added", html);
        Assert.Contains("Kubernetes", html);
        Assert.Contains("<td>5</td>", html);
        Assert.Contains("36 hours", html);
    }

    [Fact]
    public async Task The_new_form_labels_every_field_and_shows_errors_next_to_them_without_saving()
    {
        var admin = await AdminAsync();
        var form = await admin.GetStringAsync("/People/New");
        foreach (var field in new[] { "Input_Name", "Input_Email", "Input_Title", "Input_WeeklyCapacityHours", "Input_UserId", "Input_Skills_0__Name", "Input_Skills_0__Level" })
            Assert.Contains($"for=\"{field}\"", form);

        var response = await admin.PostFormAsync("/People/New", "/People/New",
            ("Input.Name", "Level Seven"), ("Input.WeeklyCapacityHours", "90"), ("Input.Skills[0].Name", "SQL"), ("Input.Skills[0].Level", "7"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("levels go from 1 (basic) to 5 (expert)", html);
        Assert.Contains("Weekly capacity is 0 to 80 hours", html);
        Assert.Contains("value=\"Level Seven\"", html);
        Assert.Equal(0, await factory.ScalarAsync("SELECT COUNT(*) FROM core_person WHERE name = 'Level Seven'"));
    }

    [Fact]
    public async Task A_stale_edit_shows_the_conflict_and_keeps_the_other_change()
    {
        var admin = await AdminAsync();
        var id = await CreatePersonAsync("Eddie Edit");
        var form = await admin.GetStringAsync($"/People/{id}/Edit");
        Assert.Contains("name=\"Input.Version\"", form);
        var first = await admin.PostFormAsync($"/People/{id}/Edit", $"/People/{id}/Edit",
            ("Input.Name", "Eddie Edit"), ("Input.Title", "Saved first"), ("Input.WeeklyCapacityHours", "40"), ("Input.Version", "1"));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);

        var stale = await admin.PostFormAsync($"/People/{id}/Edit", $"/People/{id}/Edit",
            ("Input.Name", "Eddie Edit"), ("Input.Title", "Stale title"), ("Input.WeeklyCapacityHours", "40"), ("Input.Version", "1"));

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var html = WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync());
        Assert.Contains("changed by someone else", html);
        Assert.Contains("value=\"Saved first\"", html);
        Assert.Contains("Your changes, not saved", html);
        Assert.Contains("Stale title", html);
        Assert.Contains("name=\"Input.Version\" value=\"2\"", html);
        Assert.Equal(2, await factory.ScalarAsync("SELECT version FROM core_person WHERE id = @id", new { id }));
    }

    [Fact]
    public async Task Time_off_is_added_on_the_person_page_and_a_backwards_period_gets_a_message()
    {
        var admin = await AdminAsync();
        var id = await CreatePersonAsync("Tara Timeoff");

        var backwards = await admin.PostFormAsync($"/People/{id}", $"/People/{id}?handler=TimeOff",
            ("TimeOff.Start", "2025-09-10"), ("TimeOff.End", "2025-09-01"));
        var added = await admin.PostFormAsync($"/People/{id}", $"/People/{id}?handler=TimeOff",
            ("TimeOff.Start", "2025-09-01"), ("TimeOff.End", "2025-09-05"), ("TimeOff.Reason", "Conference"));

        Assert.Equal(HttpStatusCode.OK, backwards.StatusCode);
        Assert.Contains("The last day cannot be before the first day.", WebUtility.HtmlDecode(await backwards.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var html = await admin.GetStringAsync($"/People/{id}");
        Assert.Contains("2025-09-05", html);
        Assert.Contains("Conference", html);
    }

    [Fact]
    public async Task Only_admins_and_the_pmo_get_the_person_forms()
    {
        var id = await CreatePersonAsync("Rita Readonly");
        var member = await BrowserAsAsync("mick.member@example.com", Roles.Member);

        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync("/People")).StatusCode);
        var details = await member.GetStringAsync($"/People/{id}");
        Assert.DoesNotContain("Add time off", details);
        Assert.DoesNotContain($"/People/{id}/Edit", details);
        var edit = await member.GetAsync($"/People/{id}/Edit");
        Assert.Equal(HttpStatusCode.Forbidden, edit.StatusCode);
    }

    [Fact]
    public async Task Members_are_added_re_roled_and_removed_on_the_members_page()
    {
        var admin = await AdminAsync();
        var projectId = await factory.ProjectAsync("MEM-PAGE");
        var personId = await CreatePersonAsync("Milo Members");
        var page = $"/Projects/{projectId}/Members";

        var form = await admin.GetStringAsync(page);
        Assert.Contains("for=\"Add_PersonId\"", form);
        Assert.Contains("<caption>0 members of Project MEM-PAGE</caption>", form);
        Assert.Contains("Members of Project MEM-PAGE", form);

        var add = await admin.PostFormAsync(page, page + "?handler=Add", ("Add.PersonId", personId.ToString()), ("Add.Role", "Member"));
        Assert.Equal(HttpStatusCode.Redirect, add.StatusCode);
        Assert.Contains("Milo Members joined the project as a member.", await admin.GetStringAsync(page));

        await admin.PostFormAsync(page, page + "?handler=Role", ("personId", personId.ToString()), ("role", "Manager"));
        Assert.Equal(1, await factory.ScalarAsync(
            "SELECT COUNT(*) FROM core_project_member WHERE project_id = @projectId AND person_id = @personId AND role = 'Manager'", new { projectId, personId }));

        var empty = await admin.PostFormAsync(page, page + "?handler=Add", ("Add.PersonId", ""), ("Add.Role", "Member"));
        Assert.Contains("Choose the person to add.", WebUtility.HtmlDecode(await empty.Content.ReadAsStringAsync()));

        await admin.PostFormAsync(page, page + "?handler=Remove", ("personId", personId.ToString()));
        Assert.Equal(0, await factory.ScalarAsync("SELECT COUNT(*) FROM core_project_member WHERE project_id = @projectId", new { projectId }));
    }

    [Fact]
    public async Task A_viewer_sees_the_members_read_only_and_cannot_post_changes()
    {
        var admin = await AdminAsync();
        var projectId = await factory.ProjectAsync("VIEW-PAGE");
        var personId = await CreatePersonAsync("Paul Present");
        var page = $"/Projects/{projectId}/Members";
        await admin.PostFormAsync(page, page + "?handler=Add", ("Add.PersonId", personId.ToString()), ("Add.Role", "Member"));
        var viewer = await BrowserAsAsync("vic.viewer@example.com", Roles.Viewer);

        var html = await viewer.GetStringAsync(page);
        Assert.Contains("Paul Present", html);
        Assert.DoesNotContain("Add a member", html);
        Assert.DoesNotContain("handler=Remove", html);

        // A viewer's page has no form, so take the token from a page that has one (the sign-out form in the layout).
        var remove = await viewer.PostFormAsync(page, page + "?handler=Remove", ("personId", personId.ToString()));
        Assert.Equal(HttpStatusCode.Forbidden, remove.StatusCode);
        Assert.Equal(1, await factory.ScalarAsync("SELECT COUNT(*) FROM core_project_member WHERE project_id = @projectId", new { projectId }));
    }

    [Fact]
    public async Task Unknown_people_and_projects_are_404_pages()
    {
        var admin = await AdminAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/People/987654")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/Projects/987654/Members")).StatusCode);
    }
}
