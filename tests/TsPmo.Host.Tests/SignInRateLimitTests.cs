using System.Net;
using System.Net.Http.Json;
using Dapper;
using Microsoft.Data.Sqlite;

namespace TsPmo.Host.Tests;

/// <summary>
/// The credential endpoints under the shipped limits (10 attempts per client, 20 per account), spread over ten
/// minutes instead of one so that a slow test machine sees no attempt come back during a burst.
/// </summary>
public sealed class SignInRateLimitTests
{
    private static readonly Dictionary<string, string?> SlowRefill = new() { ["Security:SignInRateLimit:Window"] = "00:10:00" };

    [Fact]
    public async Task A_burst_of_failed_token_requests_from_one_client_meets_429_problems_with_retry_after()
    {
        using var factory = new TsPmoFactory { SignInLimit = null, Settings = SlowRefill };
        var client = factory.CreateClient();

        var responses = new List<HttpResponseMessage>();
        // A different account each time, so only the client's limit can say no.
        for (var i = 0; i < 30; i++)
            responses.Add(await client.PostAsJsonAsync("/api/v1/auth/token", new { email = $"guess{i}@example.com", password = "not-a-password" }));

        var answered = responses.Count(r => r.StatusCode == HttpStatusCode.Unauthorized);
        var limited = responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.Equal(10, answered);
        Assert.Equal(30, answered + limited.Count);
        Assert.All(responses.Take(10), r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));

        var first = limited[0];
        Assert.Equal("application/problem+json", first.Content.Headers.ContentType?.MediaType);
        var problem = await first.JsonAsync();
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.Contains("Too many attempts", problem.GetProperty("detail").GetString());
        Assert.True(first.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After names a wait");

        // Refused requests never reached the accounts: only the answered ones were audited.
        await using var db = new SqliteConnection(factory.ConnectionString);
        Assert.Equal(answered, await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM core_audit WHERE action = 'sign-in failed'"));
    }

    [Fact]
    public async Task The_sign_in_page_shows_the_wait_next_to_the_form_and_keeps_the_email()
    {
        using var factory = new TsPmoFactory { SignInLimit = null, Settings = SlowRefill };
        var browser = factory.CreateBrowserClient();

        HttpResponseMessage last = null!;
        for (var i = 0; i < 12; i++)
            last = await browser.PostFormAsync("/Account/Login", "/Account/Login", ("Input.Email", "someone@example.com"), ("Input.Password", "wrong-password-" + i));

        Assert.Equal(HttpStatusCode.TooManyRequests, last.StatusCode);
        var html = await last.Content.ReadAsStringAsync();
        Assert.Contains("Too many attempts from your address or for this account.", html);
        Assert.Contains("value=\"someone@example.com\"", html);
        Assert.Contains("name=\"Input.Password\"", html);
        // Even the right password is refused while the client waits.
        var right = await browser.PostFormAsync("/Account/Login", "/Account/Login", ("Input.Email", TsPmoFactory.AdminEmail), ("Input.Password", TsPmoFactory.AdminPassword));
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
    }

    [Fact]
    public async Task Guessing_one_account_from_many_addresses_meets_the_per_account_limit_but_other_accounts_do_not()
    {
        using var factory = new ProxiedTsPmoFactory(SlowRefill) { SignInLimit = null };

        var statuses = new List<HttpStatusCode>();
        for (var i = 1; i <= 25; i++)
            statuses.Add((await factory.ClientFrom($"203.0.113.{i}").PostAsJsonAsync("/api/v1/auth/token",
                new { email = "ADMIN@example.com ", password = "guess-" + i })).StatusCode);

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Unauthorized, 20).Concat(Enumerable.Repeat(HttpStatusCode.TooManyRequests, 5)), statuses);
        var other = await factory.ClientFrom("203.0.113.99").PostAsJsonAsync("/api/v1/auth/token", new { email = "other@example.com", password = "guess" });
        Assert.Equal(HttpStatusCode.Unauthorized, other.StatusCode);
    }
}
