using System.Net;
using Dapper;
using Microsoft.Data.Sqlite;

namespace TsPmo.Host.Tests;

public sealed class UserAdminTests
{
    [Fact]
    public async Task Admin_creates_a_user_changes_the_role_and_deactivation_signs_them_out()
    {
        using var factory = new TsPmoFactory();
        var admin = factory.CreateBrowserClient();
        await admin.SignInAsync(TsPmoFactory.AdminEmail, TsPmoFactory.AdminPassword);

        var created = await admin.PostFormAsync("/Admin/Users", "/Admin/Users?handler=Create",
            ("Input.DisplayName", "Pat PMO"), ("Input.Email", "pat@example.com"), ("Input.Role", "Viewer"), ("Input.Password", "pat-password-1"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);

        var pat = factory.CreateBrowserClient();
        await pat.SignInAsync("pat@example.com", "pat-password-1");
        Assert.Equal(HttpStatusCode.OK, (await pat.GetAsync("/")).StatusCode);

        await using var db = new SqliteConnection(factory.ConnectionString);
        var (id, version) = await db.QuerySingleAsync<(long, long)>("SELECT id, version FROM core_user WHERE email = 'pat@example.com'");
        await admin.PostFormAsync("/Admin/Users", $"/Admin/Users?handler=Role&id={id}", ("role", "PMO"), ("version", version.ToString()));
        Assert.Equal("PMO", await db.ExecuteScalarAsync<string>("SELECT role FROM core_user WHERE id = @id", new { id }));
        // The role change applies to Pat's next request without signing in again.
        Assert.Contains("Role: PMO", await pat.GetStringAsync("/"));

        await admin.PostFormAsync("/Admin/Users", $"/Admin/Users?handler=Active&id={id}", ("active", "false"), ("version", (version + 1).ToString()));
        Assert.Equal(HttpStatusCode.Redirect, (await pat.GetAsync("/")).StatusCode);
        Assert.Equal(3, await db.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM core_audit WHERE entity_type = 'user' AND entity_id = @id AND action NOT IN ('signed in', 'sign-in failed')", new { id = id.ToString() }));
    }

    [Fact]
    public async Task A_stale_role_change_is_refused_and_the_newer_change_kept()
    {
        using var factory = new TsPmoFactory();
        var admin = factory.CreateBrowserClient();
        await admin.SignInAsync(TsPmoFactory.AdminEmail, TsPmoFactory.AdminPassword);
        await admin.PostFormAsync("/Admin/Users", "/Admin/Users?handler=Create",
            ("Input.DisplayName", "Sam"), ("Input.Email", "sam@example.com"), ("Input.Role", "Member"), ("Input.Password", "sam-password-1"));
        await using var db = new SqliteConnection(factory.ConnectionString);
        var id = await db.ExecuteScalarAsync<long>("SELECT id FROM core_user WHERE email = 'sam@example.com'");

        await admin.PostFormAsync("/Admin/Users", $"/Admin/Users?handler=Role&id={id}", ("role", "PMO"), ("version", "1"));
        await admin.PostFormAsync("/Admin/Users", $"/Admin/Users?handler=Role&id={id}", ("role", "Viewer"), ("version", "1"));

        Assert.Equal("PMO", await db.ExecuteScalarAsync<string>("SELECT role FROM core_user WHERE id = @id", new { id }));
        Assert.Contains("changed by someone else", WebUtility.HtmlDecode(await admin.GetStringAsync("/Admin/Users")));
    }

    [Fact]
    public async Task The_last_admin_cannot_demote_themselves()
    {
        using var factory = new TsPmoFactory();
        var admin = factory.CreateBrowserClient();
        await admin.SignInAsync(TsPmoFactory.AdminEmail, TsPmoFactory.AdminPassword);
        await using var db = new SqliteConnection(factory.ConnectionString);
        var (id, version) = await db.QuerySingleAsync<(long, long)>("SELECT id, version FROM core_user");

        await admin.PostFormAsync("/Admin/Users", $"/Admin/Users?handler=Role&id={id}", ("role", "Viewer"), ("version", version.ToString()));

        Assert.Equal("Admin", await db.ExecuteScalarAsync<string>("SELECT role FROM core_user WHERE id = @id", new { id }));
    }
}
