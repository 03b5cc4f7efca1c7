using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace TsPmo.Host.Tests;

/// <summary>
/// Project roles and visibility through the API: a project's Member does their work, its Viewer reads, and someone
/// who is not on a Private project does not see it at all — not in lists, not by id, not its items.
/// </summary>
public sealed class ProjectAccessApiTests
{
    private sealed record Team(TsPmoFactory Factory, HttpClient Admin, HttpClient Member, HttpClient Viewer, HttpClient Outsider, long Scrum, long Kanban);

    private static async Task<Team> TeamAsync()
    {
        var factory = new TsPmoFactory();
        var admin = await factory.CreateAdminApiAsync();
        var scrum = await ProjectAsync(admin, "Private scrum", "PRS-1", "scrum", "Private");
        var kanban = await ProjectAsync(admin, "Private kanban", "PRK-1", "agile", "Private");
        var (member, memberUser) = await factory.ApiAsAsync("member@example.com", "Member");
        var (viewer, viewerUser) = await factory.ApiAsAsync("viewer@example.com", "Member");
        var (outsider, _) = await factory.ApiAsAsync("outsider@example.com", "Member");
        foreach (var project in new[] { scrum, kanban })
        {
            await AddMemberAsync(factory, admin, project, memberUser, "member@example.com", "Member");
            await AddMemberAsync(factory, admin, project, viewerUser, "viewer@example.com", "Viewer");
        }
        return new Team(factory, admin, member, viewer, outsider, scrum, kanban);
    }

    private static async Task<long> ProjectAsync(HttpClient admin, string name, string code, string methodology, string visibility)
    {
        var response = await admin.PostAsJsonAsync("/api/v1/projects", new { name, code, methodology, visibility });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var json = await response.JsonAsync();
        Assert.Equal(visibility, json.GetProperty("visibility").GetString());
        return json.GetProperty("id").GetInt64();
    }

    /// <summary>A person for the account (same e-mail), added to the project in a role through the members API.</summary>
    private static async Task AddMemberAsync(TsPmoFactory factory, HttpClient admin, long projectId, long userId, string email, string role)
    {
        var personId = await factory.ScalarAsync("SELECT id FROM core_person WHERE email = @email", new { email });
        if (personId == 0)
        {
            var person = await (await admin.PostAsJsonAsync("/api/v1/people", new { name = email.Split('@')[0], email, userId })).JsonAsync();
            personId = person.GetProperty("id").GetInt64();
        }
        var added = await admin.PostAsJsonAsync($"/api/v1/projects/{projectId}/members", new { personId, role });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
    }

    [Fact]
    public async Task A_member_updates_their_item_and_moves_their_card_a_viewer_may_not()
    {
        var team = await TeamAsync();
        using var _ = team.Factory;
        var item = await (await team.Admin.PostAsJsonAsync($"/api/v1/projects/{team.Scrum}/scrum/items", new { title = "Login page", type = "Story", points = 3 })).JsonAsync();
        var itemUrl = $"/api/v1/projects/{team.Scrum}/scrum/items/{item.GetProperty("id").GetInt64()}";
        var card = await (await team.Admin.PostAsJsonAsync($"/api/v1/projects/{team.Kanban}/agile/cards", new { title = "Fix the export" })).JsonAsync();
        var moveUrl = $"/api/v1/projects/{team.Kanban}/agile/cards/{card.GetProperty("id").GetInt64()}/move";

        Assert.Equal(HttpStatusCode.Forbidden, (await team.Viewer.PatchAsJsonAsync(itemUrl, new { status = "InProgress" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await team.Viewer.PostAsJsonAsync(moveUrl, new { column = "Ready" })).StatusCode);
        var patched = await team.Member.PatchAsJsonAsync(itemUrl, new { status = "InProgress" });
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        Assert.Equal("InProgress", (await patched.JsonAsync()).GetProperty("status").GetString());
        var moved = await team.Member.PostAsJsonAsync(moveUrl, new { column = "Ready" });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);

        // A member creates work items and raises risks, but does not plan: sprints are the managers'.
        Assert.Equal(HttpStatusCode.Created, (await team.Member.PostAsJsonAsync($"/api/v1/projects/{team.Scrum}/scrum/items", new { title = "Bug in login", type = "Bug" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await team.Member.PostAsJsonAsync($"/api/v1/projects/{team.Scrum}/risk/risks",
            new { title = "Key developer leaves", category = "Resource", probability = 2, impact = 4 })).StatusCode);
        var sprint = await team.Member.PostAsJsonAsync($"/api/v1/projects/{team.Scrum}/scrum/sprints", new { name = "S1", start = "2026-12-07", end = "2026-12-18" });
        Assert.Equal(HttpStatusCode.Forbidden, sprint.StatusCode);
        Assert.Equal("application/problem+json", sprint.Content.Headers.ContentType?.MediaType);
        // What a refused call would have changed is unchanged.
        Assert.Equal(0, await team.Factory.ScalarAsync("SELECT COUNT(*) FROM scrum_sprint WHERE project_id = @p", new { p = team.Scrum }));
    }

    [Fact]
    public async Task Someone_not_on_a_private_project_never_sees_it()
    {
        var team = await TeamAsync();
        using var _ = team.Factory;
        var item = await (await team.Admin.PostAsJsonAsync($"/api/v1/projects/{team.Scrum}/scrum/items", new { title = "Secret roadmap item", type = "Story" })).JsonAsync();
        var open = await ProjectAsync(team.Admin, "Open project", "OPN-1", "scrum", "Organization");

        var listed = await (await team.Outsider.GetAsync("/api/v1/projects?pageSize=200")).JsonAsync();
        var codes = listed.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("code").GetString()).ToList();
        Assert.Contains("OPN-1", codes);
        Assert.DoesNotContain("PRS-1", codes);
        Assert.DoesNotContain("PRK-1", codes);
        Assert.Equal(1, listed.GetProperty("total").GetInt32());

        foreach (var url in new[]
                 {
                     $"/api/v1/projects/{team.Scrum}", $"/api/v1/projects/{team.Scrum}/activity", $"/api/v1/projects/{team.Scrum}/members",
                     $"/api/v1/projects/{team.Scrum}/documents", $"/api/v1/projects/{team.Scrum}/scrum/items/{item.GetProperty("id").GetInt64()}",
                     $"/api/v1/projects/{team.Scrum}/risk/risks", $"/api/v1/risk/warnings?projectId={team.Scrum}",
                 })
            Assert.Equal(HttpStatusCode.NotFound, (await team.Outsider.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await team.Outsider.PatchAsJsonAsync(
            $"/api/v1/projects/{team.Scrum}/scrum/items/{item.GetProperty("id").GetInt64()}", new { status = "Done" })).StatusCode);

        // The viewer reads it; so does anyone once it is opened to the organization, and then they read but do not change it.
        Assert.Equal(HttpStatusCode.OK, (await team.Viewer.GetAsync($"/api/v1/projects/{team.Scrum}")).StatusCode);
        var project = await (await team.Admin.GetAsync($"/api/v1/projects/{team.Scrum}")).JsonAsync();
        var opened = await team.Admin.PutAsJsonAsync($"/api/v1/projects/{team.Scrum}", new
        {
            name = "Private scrum", code = "PRS-1", methodology = "scrum", version = project.GetProperty("version").GetInt64(), visibility = "Organization",
        });
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await team.Outsider.GetAsync($"/api/v1/projects/{team.Scrum}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await team.Outsider.PatchAsJsonAsync(
            $"/api/v1/projects/{team.Scrum}/scrum/items/{item.GetProperty("id").GetInt64()}", new { status = "Done" })).StatusCode);
        Assert.True(open > 0);
    }

    [Fact]
    public async Task The_portfolio_figures_a_reader_sees_are_computed_from_the_projects_they_may_read()
    {
        var team = await TeamAsync();
        using var _ = team.Factory;
        await ProjectAsync(team.Admin, "Open project", "OPN-2", "scrum", "Organization");

        var everyone = await (await team.Admin.GetAsync("/api/v1/reporting/projects")).JsonAsync();
        var outsider = await (await team.Outsider.GetAsync("/api/v1/reporting/projects")).JsonAsync();
        Assert.Equal(3, Count(everyone));
        Assert.Equal(1, Count(outsider));
        var csv = await team.Outsider.GetStringAsync("/api/v1/reporting/exports/portfolio.csv");
        Assert.DoesNotContain("PRS-1", csv);
        Assert.Contains("OPN-2", csv);
        // The admin's cached view is not what the outsider got, and the outsider's is not what the admin gets next.
        Assert.Equal(3, Count(await (await team.Admin.GetAsync("/api/v1/reporting/projects")).JsonAsync()));

        static int Count(JsonElement json) => json.ValueKind == JsonValueKind.Array ? json.GetArrayLength() : json.GetProperty("projects").GetArrayLength();
    }

    [Fact]
    public async Task A_dependency_on_a_private_project_does_not_name_it_to_those_who_may_not_read_it()
    {
        var team = await TeamAsync();
        using var _ = team.Factory;
        var open = await ProjectAsync(team.Admin, "Open project", "OPN-3", "scrum", "Organization");
        var created = await team.Admin.PostAsJsonAsync($"/api/v1/projects/{open}/risk/dependencies", new { title = "Needs the portal API", onProjectId = team.Scrum });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var outsider = (await (await team.Outsider.GetAsync($"/api/v1/projects/{open}/risk/dependencies")).JsonAsync()).EnumerateArray().Single();
        Assert.Equal("a private project", outsider.GetProperty("onProjectName").GetString());
        var member = (await (await team.Member.GetAsync($"/api/v1/projects/{open}/risk/dependencies")).JsonAsync()).EnumerateArray().Single();
        Assert.Equal("Private scrum", member.GetProperty("onProjectName").GetString());
        // Reading an Organization project is not working on it.
        var refused = await team.Outsider.PostAsJsonAsync($"/api/v1/projects/{open}/risk/dependencies", new { title = "Probe", onProjectId = team.Scrum });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task Visibility_must_be_organization_or_private()
    {
        using var factory = new TsPmoFactory();
        var admin = await factory.CreateAdminApiAsync();
        var response = await admin.PostAsJsonAsync("/api/v1/projects", new { name = "Odd", code = "ODD-1", methodology = "scrum", visibility = "Secret" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await factory.ScalarAsync("SELECT COUNT(*) FROM core_project WHERE code = 'ODD-1'"));
    }
}
