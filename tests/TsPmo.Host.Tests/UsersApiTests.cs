using System.Net;
using System.Net.Http.Json;
using Dapper;
using Microsoft.Data.Sqlite;

namespace TsPmo.Host.Tests;

public sealed class UsersApiTests
{
    private static async Task<long> CountUsersAsync(TsPmoFactory factory)
    {
        await using var db = new SqliteConnection(factory.ConnectionString);
        return await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM core_user");
    }

    [Fact]
    public async Task An_admin_creates_an_account_linked_to_the_person_with_the_same_email()
    {
        using var factory = new TsPmoFactory();
        var admin = await factory.CreateAdminApiAsync();
        var person = await admin.PostAsJsonAsync("/api/v1/people", new { name = "Lin Park", email = "lin@example.com" });
        Assert.Equal(HttpStatusCode.Created, person.StatusCode);
        var personId = (await person.JsonAsync()).GetProperty("id").GetInt64();

        var created = await admin.PostAsJsonAsync("/api/v1/users", new { email = "LIN@example.com", displayName = "Lin Park", role = "Member", password = "lin-password-1" });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.JsonAsync();
        var id = body.GetProperty("id").GetInt64();
        Assert.Equal($"/api/v1/users/{id}", created.Headers.Location?.OriginalString);
        Assert.Equal("Member", body.GetProperty("role").GetString());
        Assert.False(body.TryGetProperty("passwordHash", out _));
        await using var db = new SqliteConnection(factory.ConnectionString);
        Assert.Equal(id, await db.ExecuteScalarAsync<long?>("SELECT user_id FROM core_person WHERE id = @personId", new { personId }));
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { email = "LIN@example.com", password = "lin-password-1" })).StatusCode);

        var list = await admin.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/users");
        Assert.Contains(list.EnumerateArray(), u => u.GetProperty("id").GetInt64() == id && u.GetProperty("active").GetBoolean());
        var one = await (await admin.GetAsync($"/api/v1/users/{id}")).JsonAsync();
        Assert.Equal("LIN@example.com", one.GetProperty("email").GetString());
        Assert.Equal(1, one.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task Bad_input_is_a_400_problem_with_field_errors_and_writes_nothing()
    {
        using var factory = new TsPmoFactory();
        var admin = await factory.CreateAdminApiAsync();
        var before = await CountUsersAsync(factory);

        var bad = await admin.PostAsJsonAsync("/api/v1/users", new { email = "not-an-email", displayName = "", role = "Boss", password = "short" });
        var duplicate = await admin.PostAsJsonAsync("/api/v1/users", new { email = TsPmoFactory.AdminEmail, displayName = "Again", role = "Viewer", password = "long-enough-pw" });
        var empty = await admin.PostAsync("/api/v1/users", JsonContent.Create<object?>(null));

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        var errors = (await bad.JsonAsync()).GetProperty("errors");
        Assert.Equal(["displayName", "email", "password", "role"], errors.EnumerateObject().Select(e => e.Name).Order());
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.True((await duplicate.JsonAsync()).GetProperty("errors").TryGetProperty("email", out _));
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(before, await CountUsersAsync(factory));
    }

    [Fact]
    public async Task Non_admins_get_403_problems_and_missing_accounts_404()
    {
        using var factory = new TsPmoFactory();
        var admin = await factory.CreateAdminApiAsync();
        var (pmo, _) = await factory.ApiAsAsync("pmo@example.com", "PMO");
        var before = await CountUsersAsync(factory);

        var list = await pmo.GetAsync("/api/v1/users");
        var create = await pmo.PostAsJsonAsync("/api/v1/users", new { email = "eve@example.com", displayName = "Eve", role = "Admin", password = "eve-password-1" });
        var reset = await pmo.PostAsJsonAsync("/api/v1/users/1/password", new { password = "taken-over-pw" });

        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, reset.StatusCode);
        Assert.Equal("application/problem+json", create.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await CountUsersAsync(factory));
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { email = TsPmoFactory.AdminEmail, password = TsPmoFactory.AdminPassword })).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/v1/users/999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PutAsJsonAsync("/api/v1/users/999", new { role = "Viewer", version = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync("/api/v1/users/999/unlock", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsJsonAsync("/api/v1/users/999/password", new { password = "long-enough-pw" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync("/api/v1/users")).StatusCode);
    }

    [Fact]
    public async Task Put_changes_role_and_active_with_a_version_and_refuses_a_stale_one()
    {
        using var factory = new TsPmoFactory();
        var admin = await factory.CreateAdminApiAsync();
        var id = await factory.UserAsync("kim@example.com", "Member");

        var promoted = await admin.PutAsJsonAsync($"/api/v1/users/{id}", new { role = "ProjectManager", version = 1 });
        Assert.Equal(HttpStatusCode.OK, promoted.StatusCode);
        Assert.Equal(2, (await promoted.JsonAsync()).GetProperty("version").GetInt64());

        var stale = await admin.PutAsJsonAsync($"/api/v1/users/{id}", new { role = "Viewer", version = 1 });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType?.MediaType);

        var viaIfMatch = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/users/{id}") { Content = JsonContent.Create(new { active = false }) };
        viaIfMatch.Headers.TryAddWithoutValidation("If-Match", "\"2\"");
        var deactivated = await admin.SendAsync(viaIfMatch);
        Assert.Equal(HttpStatusCode.OK, deactivated.StatusCode);
        var body = await deactivated.JsonAsync();
        Assert.Equal(("ProjectManager", false), (body.GetProperty("role").GetString(), body.GetProperty("active").GetBoolean()));

        var noVersion = await admin.PutAsJsonAsync($"/api/v1/users/{id}", new { role = "Viewer" });
        var badRole = await admin.PutAsJsonAsync($"/api/v1/users/{id}", new { role = "Boss", version = 3 });
        Assert.Equal(HttpStatusCode.BadRequest, noVersion.StatusCode);
        Assert.True((await noVersion.JsonAsync()).GetProperty("errors").TryGetProperty("version", out _));
        Assert.Equal(HttpStatusCode.BadRequest, badRole.StatusCode);
        Assert.True((await badRole.JsonAsync()).GetProperty("errors").TryGetProperty("role", out _));
        await using var db = new SqliteConnection(factory.ConnectionString);
        Assert.Equal(("ProjectManager", 0L, 3L), await db.QuerySingleAsync<(string, long, long)>("SELECT role, is_active, version FROM core_user WHERE id = @id", new { id }));

        // The last active administrator cannot be demoted: a 400 problem, nothing changed.
        var lastAdmin = await admin.PutAsJsonAsync("/api/v1/users/1", new { role = "Viewer", version = 1 });
        Assert.Equal(HttpStatusCode.BadRequest, lastAdmin.StatusCode);
    }

    [Fact]
    public async Task An_admin_resets_a_password_and_a_bad_one_is_a_field_error()
    {
        using var factory = new TsPmoFactory();
        var admin = await factory.CreateAdminApiAsync();
        var id = await factory.UserAsync("kim@example.com", "Member");

        var bad = await admin.PostAsJsonAsync($"/api/v1/users/{id}/password", new { password = "short" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.JsonAsync()).GetProperty("errors").TryGetProperty("password", out _));
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { email = "kim@example.com", password = PeopleSeed.Password })).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsJsonAsync($"/api/v1/users/{id}/password", new { password = "reset-password-9" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { email = "kim@example.com", password = PeopleSeed.Password })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { email = "kim@example.com", password = "reset-password-9" })).StatusCode);
    }
}
