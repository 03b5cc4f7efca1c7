using System.Net;
using System.Net.Http.Json;
using Dapper;
using Microsoft.Data.Sqlite;

namespace TsPmo.Host.Tests;

/// <summary>Lockout counts per client, so a stranger's guesses cannot shut the administrator out.</summary>
public sealed class SignInLockoutTests
{
    private static Task<HttpResponseMessage> TokenAsync(HttpClient client, string password) =>
        client.PostAsJsonAsync("/api/v1/auth/token", new { email = TsPmoFactory.AdminEmail, password });

    [Fact]
    public async Task A_stranger_locks_out_only_their_own_address_and_an_admin_can_unlock_it()
    {
        using var factory = new ProxiedTsPmoFactory();
        var stranger = factory.ClientFrom("203.0.113.50");
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await TokenAsync(stranger, "guess-" + i)).StatusCode);

        // From the stranger's address even the right password is refused now…
        Assert.Equal(HttpStatusCode.Unauthorized, (await TokenAsync(stranger, TsPmoFactory.AdminPassword)).StatusCode);
        // …but the administrator, elsewhere, signs in.
        var adminToken = await TokenAsync(factory.ClientFrom("198.51.100.10"), TsPmoFactory.AdminPassword);
        Assert.Equal(HttpStatusCode.OK, adminToken.StatusCode);

        var admin = factory.ClientFrom("198.51.100.10").WithToken((await adminToken.JsonAsync()).GetProperty("token").GetString()!);
        var user = await (await admin.GetAsync("/api/v1/users/1")).JsonAsync();
        Assert.True(user.GetProperty("locked").GetBoolean());
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync("/api/v1/users/1/unlock", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await TokenAsync(stranger, TsPmoFactory.AdminPassword)).StatusCode);

        await using var db = new SqliteConnection(factory.ConnectionString);
        var actions = (await db.QueryAsync<string>("SELECT action FROM core_audit WHERE entity_type = 'user' AND entity_id = '1' ORDER BY id")).ToList();
        // Five wrong passwords and one right one refused while locked.
        Assert.Equal(6, actions.Count(a => a == "sign-in failed"));
        Assert.Contains("locked out", actions);
        Assert.Contains("unlocked", actions);
        Assert.Equal(2, actions.Count(a => a == "signed in"));
        Assert.Contains("203.0.113.50", await db.ExecuteScalarAsync<string>("SELECT after_json FROM core_audit WHERE action = 'locked out'"));
    }

    [Fact]
    public async Task The_admin_users_page_unlocks_a_locked_account()
    {
        using var factory = new TsPmoFactory();
        var admin = factory.CreateBrowserClient();
        await admin.SignInAsync(TsPmoFactory.AdminEmail, TsPmoFactory.AdminPassword);
        var memberId = await factory.UserAsync("lee@example.com", "Member");
        var client = factory.CreateClient();
        for (var i = 0; i < 5; i++)
            await client.PostAsJsonAsync("/api/v1/auth/token", new { email = "lee@example.com", password = "guess-" + i });

        var page = await admin.GetStringAsync("/Admin/Users");
        Assert.Contains("Unlock <span class=\"visually-hidden\">lee</span>", page);

        var unlocked = await admin.PostFormAsync("/Admin/Users", $"/Admin/Users?handler=Unlock&id={memberId}");
        Assert.Equal(HttpStatusCode.Redirect, unlocked.StatusCode);
        Assert.DoesNotContain("Unlock <span class=\"visually-hidden\">lee</span>", await admin.GetStringAsync("/Admin/Users"));
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/v1/auth/token", new { email = "lee@example.com", password = PeopleSeed.Password })).StatusCode);
    }
}
