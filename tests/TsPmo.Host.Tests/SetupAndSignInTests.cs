using System.Net;
using System.Net.Http.Json;
using Dapper;
using Microsoft.Data.Sqlite;
using TsPmo.Core.Accounts;

namespace TsPmo.Host.Tests;

public sealed class SetupAndSignInTests
{
    [Fact]
    public async Task Setup_creates_the_first_admin_once_then_disappears()
    {
        using var factory = new TsPmoFactory([], bootstrapAdmin: false);
        var browser = factory.CreateBrowserClient();

        var login = await browser.GetAsync("/Account/Login");
        Assert.Equal("/Setup", login.Headers.Location?.OriginalString);

        var created = await browser.PostFormAsync("/Setup", "/Setup",
            ("Input.DisplayName", "Ada Admin"), ("Input.Email", "ada@example.com"),
            ("Input.Password", "long-enough-pw"), ("Input.ConfirmPassword", "long-enough-pw"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal("/Admin/Modules", created.Headers.Location?.OriginalString);
        // Signed in straight away, as an administrator.
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/Admin/Modules")).StatusCode);

        var stranger = factory.CreateBrowserClient();
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync("/Setup")).StatusCode);
    }

    [Fact]
    public async Task Setup_with_bad_input_shows_messages_and_creates_nothing()
    {
        using var factory = new TsPmoFactory([], bootstrapAdmin: false);
        var browser = factory.CreateBrowserClient();

        var response = await browser.PostFormAsync("/Setup", "/Setup",
            ("Input.DisplayName", ""), ("Input.Email", "not-an-email"),
            ("Input.Password", "short"), ("Input.ConfirmPassword", "different"));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The two passwords are not the same.", html);
        await using var db = new SqliteConnection(factory.ConnectionString);
        Assert.Equal(0, await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM core_user"));
    }

    [Fact]
    public async Task Wrong_password_and_unknown_account_get_the_same_message()
    {
        using var factory = new TsPmoFactory();
        var browser = factory.CreateBrowserClient();

        var wrong = await browser.PostFormAsync("/Account/Login", "/Account/Login", ("Input.Email", TsPmoFactory.AdminEmail), ("Input.Password", "not-the-password"));
        var unknown = await browser.PostFormAsync("/Account/Login", "/Account/Login", ("Input.Email", "nobody@example.com"), ("Input.Password", "not-the-password"));

        var wrongHtml = await wrong.Content.ReadAsStringAsync();
        var unknownHtml = await unknown.Content.ReadAsStringAsync();
        Assert.Contains(WebUtility.HtmlEncode(AccountSignIn.FailureMessage), wrongHtml);
        Assert.Contains(WebUtility.HtmlEncode(AccountSignIn.FailureMessage), unknownHtml);
    }

    [Fact]
    public async Task Repeated_failures_lock_the_account_even_for_the_right_password()
    {
        using var factory = new TsPmoFactory();
        var client = factory.CreateClient();
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.Unauthorized,
                (await client.PostAsJsonAsync("/api/v1/auth/token", new { email = TsPmoFactory.AdminEmail, password = "wrong-" + i })).StatusCode);

        var right = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = TsPmoFactory.AdminEmail, password = TsPmoFactory.AdminPassword });
        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
    }

    [Fact]
    public async Task Pages_need_sign_in_and_sign_out_ends_the_session()
    {
        using var factory = new TsPmoFactory();
        var browser = factory.CreateBrowserClient();

        var home = await browser.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.StartsWith("/Account/Login", home.Headers.Location?.PathAndQuery ?? home.Headers.Location?.OriginalString);

        await browser.SignInAsync(TsPmoFactory.AdminEmail, TsPmoFactory.AdminPassword);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);

        var signOut = await browser.PostFormAsync("/", "/Account/Logout");
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/")).StatusCode);
    }
}
