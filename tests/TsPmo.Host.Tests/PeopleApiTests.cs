using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TsPmo.Sdk.Security;

namespace TsPmo.Host.Tests;

/// <summary>The people and project-members API over a real host. One host per class: each test uses names of its own.</summary>
public sealed class PeopleApiTests(SharedTsPmoFactory factory) : IClassFixture<SharedTsPmoFactory>
{
    private static object Person(string name, string? email = null, int level = 4) => new
    {
        name, email, title = "Engineer", weeklyCapacityHours = 32.5,
        skills = new[] { new { name = "C#", level }, new { name = "SQL", level = 3 } },
    };

    private async Task<JsonElement> CreateAsync(HttpClient api, string name, string? email = null)
    {
        var response = await api.PostAsJsonAsync("/api/v1/people", Person(name, email));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.JsonAsync();
    }

    [Fact]
    public async Task A_person_is_created_read_listed_and_updated_in_camel_case()
    {
        var api = await factory.CreateAdminApiAsync();

        var response = await api.PostAsJsonAsync("/api/v1/people", Person("Ada Api", "ada.api@example.com"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.JsonAsync();
        var id = created.GetProperty("id").GetInt64();
        Assert.Equal($"/api/v1/people/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal(1, created.GetProperty("version").GetInt64());
        Assert.Equal(32.5m, created.GetProperty("weeklyCapacityHours").GetDecimal());
        Assert.Equal("C#", created.GetProperty("skills")[0].GetProperty("name").GetString());
        Assert.Equal(4, created.GetProperty("skills")[0].GetProperty("level").GetInt32());

        var read = await (await api.GetAsync($"/api/v1/people/{id}")).JsonAsync();
        Assert.Equal("ada.api@example.com", read.GetProperty("email").GetString());
        Assert.Equal(JsonValueKind.Array, read.GetProperty("timeOff").ValueKind);

        var list = await (await api.GetAsync("/api/v1/people?q=ada%20api&skill=c%23&page=1&pageSize=10")).JsonAsync();
        Assert.Equal(1, list.GetProperty("total").GetInt32());
        Assert.Equal((1, 10), (list.GetProperty("page").GetInt32(), list.GetProperty("pageSize").GetInt32()));
        Assert.Equal(id, list.GetProperty("items")[0].GetProperty("id").GetInt64());

        var put = await api.PutAsJsonAsync($"/api/v1/people/{id}", new { name = "Ada Api", title = "Lead", weeklyCapacityHours = 40, version = 1 });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var updated = await put.JsonAsync();
        Assert.Equal(("Lead", 2L), (updated.GetProperty("title").GetString(), updated.GetProperty("version").GetInt64()));
        Assert.Equal(0, updated.GetProperty("skills").GetArrayLength());
    }

    [Fact]
    public async Task A_stale_update_is_a_409_problem_and_the_newer_change_is_kept()
    {
        var api = await factory.CreateAdminApiAsync();
        var id = (await CreateAsync(api, "Carl Conflict")).GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.OK, (await api.PutAsJsonAsync($"/api/v1/people/{id}", new { name = "Carl Conflict", title = "First", version = 1 })).StatusCode);

        var stale = await api.PutAsJsonAsync($"/api/v1/people/{id}", new { name = "Carl Conflict", title = "Stale", version = 1 });

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType?.MediaType);
        Assert.Contains("changed by someone else", (await stale.JsonAsync()).GetProperty("detail").GetString());
        Assert.Equal("First", (await (await api.GetAsync($"/api/v1/people/{id}")).JsonAsync()).GetProperty("title").GetString());
        var missingVersion = await api.PutAsJsonAsync($"/api/v1/people/{id}", new { name = "Carl Conflict" });
        Assert.Equal(HttpStatusCode.BadRequest, missingVersion.StatusCode);
        Assert.True((await missingVersion.JsonAsync()).GetProperty("errors").TryGetProperty("version", out _));
    }

    [Fact]
    public async Task A_skill_level_of_7_is_a_400_with_a_skills_error_and_nothing_is_written()
    {
        var api = await factory.CreateAdminApiAsync();

        var response = await api.PostAsJsonAsync("/api/v1/people", Person("Seven Levels", "seven@example.com", level: 7));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        Assert.Contains("7", errors.GetProperty("skills")[0].GetString());
        Assert.Equal(0, await factory.ScalarAsync("SELECT COUNT(*) FROM core_person WHERE name = 'Seven Levels'"));
    }

    [Fact]
    public async Task An_email_used_by_someone_else_is_a_400_on_email()
    {
        var api = await factory.CreateAdminApiAsync();
        await CreateAsync(api, "Dora Dup", "dora@example.com");

        var response = await api.PostAsJsonAsync("/api/v1/people", Person("Other Dora", "DORA@example.com"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty("email", out _));
    }

    [Fact]
    public async Task Missing_people_are_404_problems()
    {
        var api = await factory.CreateAdminApiAsync();

        var response = await api.GetAsync("/api/v1/people/987654");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("/api/v1/projects/987654/members")).StatusCode);
    }

    [Fact]
    public async Task Time_off_is_added_with_iso_dates_and_a_backwards_period_is_refused()
    {
        var api = await factory.CreateAdminApiAsync();
        var id = (await CreateAsync(api, "Tim Timeoff")).GetProperty("id").GetInt64();

        var added = await api.PostAsJsonAsync($"/api/v1/people/{id}/time-off", new { start = "2025-08-01", end = "2025-08-15", reason = "Summer" });
        var backwards = await api.PostAsJsonAsync($"/api/v1/people/{id}/time-off", new { start = "2025-08-15", end = "2025-08-01" });

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var period = await added.JsonAsync();
        Assert.Equal("2025-08-01", period.GetProperty("start").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
        Assert.True((await backwards.JsonAsync()).GetProperty("errors").TryGetProperty("end", out _));
        var person = await (await api.GetAsync($"/api/v1/people/{id}")).JsonAsync();
        Assert.Equal("2025-08-15", person.GetProperty("timeOff")[0].GetProperty("end").GetString());
        Assert.Equal(1, person.GetProperty("version").GetInt64());

        var removed = await api.DeleteAsync($"/api/v1/people/{id}/time-off/{period.GetProperty("id").GetInt64()}");
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
    }

    [Fact]
    public async Task Members_are_added_listed_changed_and_removed_with_roles_as_text()
    {
        var api = await factory.CreateAdminApiAsync();
        var projectId = await factory.ProjectAsync("MEM-API");
        var personId = (await CreateAsync(api, "Mona Member")).GetProperty("id").GetInt64();

        var added = await api.PostAsJsonAsync($"/api/v1/projects/{projectId}/members", new { personId, role = "Manager" });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Equal("Manager", (await added.JsonAsync()).GetProperty("role").GetString());

        var again = await api.PostAsJsonAsync($"/api/v1/projects/{projectId}/members", new { personId, role = "Viewer" });
        var badRole = await api.PostAsJsonAsync($"/api/v1/projects/{projectId}/members", new { personId, role = "Owner" });
        Assert.True((await again.JsonAsync()).GetProperty("errors").TryGetProperty("personId", out _));
        Assert.True((await badRole.JsonAsync()).GetProperty("errors").TryGetProperty("role", out _));

        var changed = await api.PutAsJsonAsync($"/api/v1/projects/{projectId}/members/{personId}", new { role = "viewer" });
        Assert.Equal("Viewer", (await changed.JsonAsync()).GetProperty("role").GetString());
        var list = await (await api.GetAsync($"/api/v1/projects/{projectId}/members")).JsonAsync();
        Assert.Equal(("Mona Member", "Viewer"), (list[0].GetProperty("name").GetString(), list[0].GetProperty("role").GetString()));

        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"/api/v1/projects/{projectId}/members/{personId}")).StatusCode);
        Assert.Equal(0, (await (await api.GetAsync($"/api/v1/projects/{projectId}/members")).JsonAsync()).GetArrayLength());
        Assert.Equal(3, await factory.ScalarAsync(
            "SELECT COUNT(*) FROM core_audit WHERE entity_type = 'project-member' AND project_id = @projectId", new { projectId }));
    }

    [Fact]
    public async Task A_viewer_cannot_change_a_projects_members_even_as_its_manager()
    {
        var admin = await factory.CreateAdminApiAsync();
        var projectId = await factory.ProjectAsync("VIEW-API");
        var (viewer, viewerUserId) = await factory.ApiAsAsync("vera.viewer@example.com", Roles.Viewer);
        var vera = await (await admin.PostAsJsonAsync("/api/v1/people", new { name = "Vera Viewer", userId = viewerUserId })).JsonAsync();
        var veraId = vera.GetProperty("id").GetInt64();
        await admin.PostAsJsonAsync($"/api/v1/projects/{projectId}/members", new { personId = veraId, role = "Manager" });

        var add = await viewer.PostAsJsonAsync($"/api/v1/projects/{projectId}/members", new { personId = veraId, role = "Member" });
        var remove = await viewer.DeleteAsync($"/api/v1/projects/{projectId}/members/{veraId}");

        Assert.Equal(HttpStatusCode.Forbidden, add.StatusCode);
        Assert.Equal("application/problem+json", add.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, remove.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync($"/api/v1/projects/{projectId}/members")).StatusCode);
        Assert.Equal(1, await factory.ScalarAsync("SELECT COUNT(*) FROM core_project_member WHERE project_id = @projectId", new { projectId }));
    }

    [Fact]
    public async Task A_project_manager_account_manages_the_team_but_not_the_directory()
    {
        var admin = await factory.CreateAdminApiAsync();
        var projectId = await factory.ProjectAsync("PM-API");
        var (pm, pmUserId) = await factory.ApiAsAsync("pia.pm@example.com", Roles.ProjectManager);
        var piaId = (await (await admin.PostAsJsonAsync("/api/v1/people", new { name = "Pia PM", userId = pmUserId })).JsonAsync()).GetProperty("id").GetInt64();
        var otherId = (await CreateAsync(admin, "Otto Other")).GetProperty("id").GetInt64();
        await admin.PostAsJsonAsync($"/api/v1/projects/{projectId}/members", new { personId = piaId, role = "Manager" });

        var add = await pm.PostAsJsonAsync($"/api/v1/projects/{projectId}/members", new { personId = otherId, role = "Member" });
        var createPerson = await pm.PostAsJsonAsync("/api/v1/people", Person("Not Allowed"));

        Assert.Equal(HttpStatusCode.Created, add.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, createPerson.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await pm.GetAsync("/api/v1/people")).StatusCode);
    }

    [Fact]
    public async Task The_people_api_needs_a_token()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync("/api/v1/people")).StatusCode);
    }
}
