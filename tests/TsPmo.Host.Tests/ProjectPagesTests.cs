using System.Net;
using System.Net.Http.Json;

namespace TsPmo.Host.Tests;

public sealed class ProjectPagesTests
{
    private static readonly string[] Methodology = ["TsPmo.Fixtures.Methodology"];

    private static (string, string)[] Form(string name, string code, params (string, string)[] more) =>
    [
        ("Input.Name", name), ("Input.Code", code), ("Input.MethodologyId", "fixture-method"), ("Input.BusinessValue", "4"),
        ("Input.StrategicImportance", "3"), ("Input.Priority", "High"), ("Input.Currency", "EUR"), .. more,
    ];

    [Fact]
    public async Task New_project_form_creates_a_project_and_opens_its_overview()
    {
        using var factory = new TsPmoFactory(Methodology);
        var browser = factory.CreateBrowserClient();
        await browser.SignInAsync(TsPmoFactory.AdminEmail, TsPmoFactory.AdminPassword);

        var created = await browser.PostFormAsync("/Projects/New", "/Projects/New",
            Form("Data warehouse migration", "dwh-1", ("Input.StartDate", "2026-02-01"), ("Input.TargetDate", "2026-12-15"),
                ("Input.Budget", "480000"), ("Input.Tags", "data, cloud"), ("Input.Description", "Move the **warehouse**.")));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var overview = await browser.GetStringAsync(created.Headers.Location!.OriginalString);

        Assert.Contains("DWH-1", overview);
        Assert.Contains("<strong>warehouse</strong>", overview);
        Assert.Contains("480,000.00 EUR", overview);
        Assert.Contains("aria-current=\"step\"", overview);
        Assert.Contains("Fixture board", overview); // the methodology module's project tab
        Assert.Contains("40 %", overview); // progress from the methodology port
    }

    [Fact]
    public async Task Bad_input_shows_messages_next_to_the_fields_and_writes_nothing()
    {
        using var factory = new TsPmoFactory(Methodology);
        var browser = factory.CreateBrowserClient();
        await browser.SignInAsync(TsPmoFactory.AdminEmail, TsPmoFactory.AdminPassword);

        var response = await browser.PostFormAsync("/Projects/New", "/Projects/New",
            Form("", "x", ("Input.StartDate", "2026-05-01"), ("Input.TargetDate", "2026-04-01"), ("Input.Budget", "-3")));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Give the project a name", html);
        Assert.Contains("The code is 2 to 20 letters", html);
        Assert.Contains("The target date cannot be before the start date.", html);
        Assert.Contains("The budget cannot be negative.", html);
        Assert.Equal(0, await factory.ScalarAsync("SELECT COUNT(*) FROM core_project"));
    }

    [Fact]
    public async Task Overview_moves_the_phase_and_explains_refusals()
    {
        using var factory = new TsPmoFactory(Methodology);
        var api = await factory.CreateAdminApiAsync();
        var id = (await (await api.PostAsJsonAsync("/api/v1/projects", new { name = "Portal", code = "PRT-1", methodology = "fixture-method" })).JsonAsync()).GetProperty("id").GetInt64();
        var browser = factory.CreateBrowserClient();
        await browser.SignInAsync(TsPmoFactory.AdminEmail, TsPmoFactory.AdminPassword);
        var page = $"/Projects/{id}";

        var moved = await browser.PostFormAsync(page, $"{page}?handler=Transition", ("To", "Planning"), ("Reason", "Charter approved"));
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        var overview = await browser.GetStringAsync(page);
        Assert.Contains("PRT-1 is now in Planning.", overview);
        Assert.Contains("Charter approved", overview);

        var hold = await browser.PostFormAsync(page, $"{page}?handler=Transition", ("To", "OnHold"), ("Reason", ""));
        Assert.Contains("Say why the project goes on hold.", WebUtility.HtmlDecode(await hold.Content.ReadAsStringAsync()));
        Assert.Equal("Planning", await factory.ScalarTextAsync("SELECT phase FROM core_project"));
    }

    [Fact]
    public async Task A_stale_edit_is_refused_and_the_other_change_kept()
    {
        using var factory = new TsPmoFactory(Methodology);
        var api = await factory.CreateAdminApiAsync();
        var id = (await (await api.PostAsJsonAsync("/api/v1/projects", new { name = "Portal", code = "PRT-1", methodology = "fixture-method" })).JsonAsync()).GetProperty("id").GetInt64();
        await api.PutAsJsonAsync($"/api/v1/projects/{id}", new { name = "Portal (renamed by Ana)", code = "PRT-1", methodology = "fixture-method", version = 1 });
        var browser = factory.CreateBrowserClient();
        await browser.SignInAsync(TsPmoFactory.AdminEmail, TsPmoFactory.AdminPassword);

        var stale = await browser.PostFormAsync($"/Projects/{id}/Edit", $"/Projects/{id}/Edit", [.. Form("Portal (mine)", "PRT-1"), ("Input.Version", "1")]);

        Assert.Contains("changed by someone else", WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync()));
        Assert.Equal("Portal (renamed by Ana)", await factory.ScalarTextAsync("SELECT name FROM core_project"));
    }

    [Fact]
    public async Task Only_managers_pmo_and_admins_edit_a_project()
    {
        using var factory = new TsPmoFactory(Methodology);
        var api = await factory.CreateAdminApiAsync();
        var id = (await (await api.PostAsJsonAsync("/api/v1/projects", new { name = "Portal", code = "PRT-1", methodology = "fixture-method" })).JsonAsync()).GetProperty("id").GetInt64();
        var (member, _) = await factory.ApiAsAsync("mia@example.com", "Member");

        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync($"/api/v1/projects/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PutAsJsonAsync($"/api/v1/projects/{id}", new { name = "Mine", code = "PRT-1", methodology = "fixture-method", version = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostAsJsonAsync($"/api/v1/projects/{id}/transitions", new { to = "Planning" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostAsJsonAsync("/api/v1/projects", new { name = "New", code = "NEW-1", methodology = "fixture-method" })).StatusCode);

        // Made a Manager of the project (through a linked person), the same account may edit it.
        var person = (await (await api.PostAsJsonAsync("/api/v1/people", new { name = "Mia", email = "mia@example.com", weeklyCapacityHours = 40 })).JsonAsync()).GetProperty("id").GetInt64();
        await factory.ScalarAsync("UPDATE core_person SET user_id = (SELECT id FROM core_user WHERE email = 'mia@example.com') WHERE id = @person", new { person });
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync($"/api/v1/projects/{id}/members", new { personId = person, role = "Manager" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await member.PutAsJsonAsync($"/api/v1/projects/{id}", new { name = "Mine", code = "PRT-1", methodology = "fixture-method", version = 1 })).StatusCode);
    }

    [Fact]
    public async Task Project_and_portfolio_activity_and_the_audit_page_show_the_changes()
    {
        using var factory = new TsPmoFactory(Methodology);
        var api = await factory.CreateAdminApiAsync();
        var id = (await (await api.PostAsJsonAsync("/api/v1/projects", new { name = "Portal", code = "PRT-1", methodology = "fixture-method" })).JsonAsync()).GetProperty("id").GetInt64();
        await api.PostAsJsonAsync($"/api/v1/projects/{id}/transitions", new { to = "Planning" });
        var browser = factory.CreateBrowserClient();
        await browser.SignInAsync(TsPmoFactory.AdminEmail, TsPmoFactory.AdminPassword);

        Assert.Contains("phase changed", await browser.GetStringAsync($"/Projects/{id}/Activity"));
        Assert.Contains("PRT-1", await browser.GetStringAsync("/Activity"));
        var audit = WebUtility.HtmlDecode(await browser.GetStringAsync($"/Admin/Audit?entity=project&entityId={id}"));
        Assert.Contains("\"phase\":\"Planning\"", audit);
        Assert.Contains("2 change(s)", audit);
    }

    [Fact]
    public async Task Archiving_from_the_overview_hides_the_project_and_restoring_brings_it_back()
    {
        using var factory = new TsPmoFactory(Methodology);
        var api = await factory.CreateAdminApiAsync();
        var id = (await (await api.PostAsJsonAsync("/api/v1/projects", new { name = "Portal", code = "PRT-1", methodology = "fixture-method" })).JsonAsync()).GetProperty("id").GetInt64();
        var browser = factory.CreateBrowserClient();
        await browser.SignInAsync(TsPmoFactory.AdminEmail, TsPmoFactory.AdminPassword);
        var page = $"/Projects/{id}";

        var archived = await browser.PostFormAsync(page, $"{page}?handler=Archive", ("Version", "1"), ("archived", "true"));
        Assert.Equal(HttpStatusCode.Redirect, archived.StatusCode);
        Assert.Contains("PRT-1 is archived", await browser.GetStringAsync(page));
        Assert.Contains("0 project(s)", await browser.GetStringAsync("/Projects"));

        var stale = await browser.PostFormAsync(page, $"{page}?handler=Archive", ("Version", "1"), ("archived", "false"));
        Assert.Equal(HttpStatusCode.Redirect, stale.StatusCode);
        Assert.Contains("changed by someone else", WebUtility.HtmlDecode(await browser.GetStringAsync(page)));
        Assert.Equal(1, await factory.ScalarAsync("SELECT archived FROM core_project"));

        await browser.PostFormAsync(page, $"{page}?handler=Archive", ("Version", "2"), ("archived", "false"));
        Assert.Contains("1 project(s)", await browser.GetStringAsync("/Projects"));
    }
}
