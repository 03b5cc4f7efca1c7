using System.Net;
using System.Net.Http.Json;
using Dapper;
using Microsoft.Data.Sqlite;

namespace TsPmo.Host.Tests;

/// <summary>Two cookie sessions of one user: a password change, a reset or a sign-out in one ends the other.</summary>
public sealed class SessionStampTests
{
    private const string NewPassword = "brand-new-password-2";

    private static async Task<(HttpClient First, HttpClient Second)> TwoSessionsAsync(TsPmoFactory factory, string email)
    {
        var first = factory.CreateBrowserClient();
        var second = factory.CreateBrowserClient();
        await first.SignInAsync(email, PeopleSeed.Password);
        await second.SignInAsync(email, PeopleSeed.Password);
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/")).StatusCode);
        return (first, second);
    }

    private static async Task AssertSignedOutAsync(HttpClient client)
    {
        var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Contains("/Account/Login", home.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_password_change_in_one_session_signs_out_the_other_and_keeps_this_one()
    {
        using var factory = new TsPmoFactory();
        factory.CreateClient();
        await factory.UserAsync("sam@example.com", "Member");
        var (first, second) = await TwoSessionsAsync(factory, "sam@example.com");

        var changed = await first.PostFormAsync("/Account/Password", "/Account/Password",
            ("Input.CurrentPassword", PeopleSeed.Password), ("Input.NewPassword", NewPassword), ("Input.ConfirmPassword", NewPassword));
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/")).StatusCode);
        await AssertSignedOutAsync(second);
        var api = factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.PostAsJsonAsync("/api/v1/auth/token", new { email = "sam@example.com", password = PeopleSeed.Password })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync("/api/v1/auth/token", new { email = "sam@example.com", password = NewPassword })).StatusCode);
    }

    [Fact]
    public async Task Signing_out_in_one_session_signs_out_the_other()
    {
        using var factory = new TsPmoFactory();
        factory.CreateClient();
        await factory.UserAsync("sam@example.com", "Member");
        var (first, second) = await TwoSessionsAsync(factory, "sam@example.com");

        Assert.Equal(HttpStatusCode.Redirect, (await first.PostFormAsync("/", "/Account/Logout")).StatusCode);

        await AssertSignedOutAsync(first);
        await AssertSignedOutAsync(second);
        // Signing in again works, and only that new session is alive.
        await second.SignInAsync("sam@example.com", PeopleSeed.Password);
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task A_wrong_current_password_is_shown_next_to_the_field_and_changes_nothing()
    {
        using var factory = new TsPmoFactory();
        factory.CreateClient();
        var samId = await factory.UserAsync("sam@example.com", "Member");
        var (first, second) = await TwoSessionsAsync(factory, "sam@example.com");
        await using var db = new SqliteConnection(factory.ConnectionString);
        var hash = await db.ExecuteScalarAsync<string>("SELECT password_hash || security_stamp FROM core_user WHERE id = @samId", new { samId });

        var wrong = await first.PostFormAsync("/Account/Password", "/Account/Password",
            ("Input.CurrentPassword", "not-my-password"), ("Input.NewPassword", NewPassword), ("Input.ConfirmPassword", NewPassword));
        var tooShort = await first.PostFormAsync("/Account/Password", "/Account/Password",
            ("Input.CurrentPassword", PeopleSeed.Password), ("Input.NewPassword", "short"), ("Input.ConfirmPassword", "short"));

        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Matches("id=\"current-password-error\"[^>]*>The current password is not correct.", await wrong.Content.ReadAsStringAsync());
        Assert.Matches("id=\"new-password-error\"[^>]*>The password must be at least 10 characters long.", await tooShort.Content.ReadAsStringAsync());
        Assert.Equal(hash, await db.ExecuteScalarAsync<string>("SELECT password_hash || security_stamp FROM core_user WHERE id = @samId", new { samId }));
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Me_password_changes_the_password_through_the_api_and_ends_the_cookie_sessions()
    {
        using var factory = new TsPmoFactory();
        factory.CreateClient();
        await factory.UserAsync("sam@example.com", "Member");
        var (browser, _) = await TwoSessionsAsync(factory, "sam@example.com");
        var api = factory.CreateClient().WithToken(await factory.CreateClient().TokenAsync("sam@example.com", PeopleSeed.Password));

        var bad = await api.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = "wrong-one", newPassword = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.JsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("newPassword", out _));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);

        var wrongCurrent = await api.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = "wrong-one", newPassword = NewPassword });
        Assert.Equal(HttpStatusCode.BadRequest, wrongCurrent.StatusCode);
        Assert.True((await wrongCurrent.JsonAsync()).GetProperty("errors").TryGetProperty("currentPassword", out _));

        var ok = await api.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = PeopleSeed.Password, newPassword = NewPassword });
        Assert.Equal(HttpStatusCode.NoContent, ok.StatusCode);
        await AssertSignedOutAsync(browser);
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { email = "sam@example.com", password = NewPassword })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().PostAsJsonAsync("/api/v1/me/password", new { currentPassword = NewPassword, newPassword = "another-password-3" })).StatusCode);
    }

    [Fact]
    public async Task An_admin_reset_signs_the_user_out_everywhere_and_a_bad_password_is_shown_beside_its_field()
    {
        using var factory = new TsPmoFactory();
        var admin = factory.CreateBrowserClient();
        await admin.SignInAsync(TsPmoFactory.AdminEmail, TsPmoFactory.AdminPassword);
        var samId = await factory.UserAsync("sam@example.com", "Member");
        var (first, second) = await TwoSessionsAsync(factory, "sam@example.com");

        var bad = await admin.PostFormAsync("/Admin/Users", $"/Admin/Users?handler=Reset&id={samId}", ("newPassword", "short"));
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains($"id=\"reset-error-{samId}\" class=\"text-danger small\">The password must be at least 10 characters long.", await bad.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/")).StatusCode);

        var reset = await admin.PostFormAsync("/Admin/Users", $"/Admin/Users?handler=Reset&id={samId}", ("newPassword", NewPassword));
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        await AssertSignedOutAsync(first);
        await AssertSignedOutAsync(second);
        await first.SignInAsync("sam@example.com", NewPassword);
        // The administrator's own session is untouched.
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/Admin/Users")).StatusCode);
        await using var db = new SqliteConnection(factory.ConnectionString);
        Assert.Equal(1L, await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM core_audit WHERE action = 'password reset' AND entity_id = @id", new { id = samId.ToString() }));
    }
}
