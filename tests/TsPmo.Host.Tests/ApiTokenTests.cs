using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Dapper;
using Microsoft.Data.Sqlite;

namespace TsPmo.Host.Tests;

public sealed partial class ApiTokenTests
{
    [Fact]
    public async Task Token_endpoint_answers_a_bearer_token_stored_only_as_a_hash()
    {
        using var factory = new TsPmoFactory();
        var token = await factory.CreateClient().TokenAsync();

        Assert.StartsWith("tspmo_", token);
        var modules = await factory.CreateClient().WithToken(token).GetAsync("/api/v1/modules");
        Assert.Equal(HttpStatusCode.OK, modules.StatusCode);

        await using var db = new SqliteConnection(factory.ConnectionString);
        var stored = await db.QueryAsync<string>("SELECT token_hash || prefix || name FROM core_api_token");
        Assert.DoesNotContain(stored, s => s.Contains(token));
    }

    [Fact]
    public async Task Bad_credentials_and_missing_fields_are_problems()
    {
        using var factory = new TsPmoFactory();
        var client = factory.CreateClient();

        var bad = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = TsPmoFactory.AdminEmail, password = "nope-nope" });
        Assert.Equal(HttpStatusCode.Unauthorized, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);

        var missing = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = "" });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        var errors = (await missing.JsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("email", out _));
        Assert.True(errors.TryGetProperty("password", out _));
    }

    [Fact]
    public async Task Api_refuses_cookies_and_bad_tokens()
    {
        using var factory = new TsPmoFactory();
        var browser = factory.CreateBrowserClient();
        await browser.SignInAsync(TsPmoFactory.AdminEmail, TsPmoFactory.AdminPassword);

        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/v1/modules")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().WithToken("tspmo_made-up").GetAsync("/api/v1/modules")).StatusCode);
    }

    [Fact]
    public async Task Tokens_page_creates_a_token_shown_once_and_revokes_it()
    {
        using var factory = new TsPmoFactory();
        var browser = factory.CreateBrowserClient();
        await browser.SignInAsync(TsPmoFactory.AdminEmail, TsPmoFactory.AdminPassword);

        var created = await browser.PostFormAsync("/Account/Tokens", "/Account/Tokens?handler=Create", ("Input.Name", "CI pipeline"), ("Input.ValidDays", "30"));
        var html = await created.Content.ReadAsStringAsync();
        var secret = SecretPattern().Match(html).Groups[1].Value;
        Assert.StartsWith("tspmo_", secret);
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().WithToken(secret).GetAsync("/api/v1/modules")).StatusCode);
        Assert.DoesNotContain(secret, await browser.GetStringAsync("/Account/Tokens"));

        await using var db = new SqliteConnection(factory.ConnectionString);
        var id = await db.ExecuteScalarAsync<long>("SELECT id FROM core_api_token WHERE name = 'CI pipeline'");
        var revoked = await browser.PostFormAsync("/Account/Tokens", $"/Account/Tokens?handler=Revoke&id={id}");
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().WithToken(secret).GetAsync("/api/v1/modules")).StatusCode);
    }

    [Fact]
    public async Task Tokens_page_refuses_a_nameless_token()
    {
        using var factory = new TsPmoFactory();
        var browser = factory.CreateBrowserClient();
        await browser.SignInAsync(TsPmoFactory.AdminEmail, TsPmoFactory.AdminPassword);

        var response = await browser.PostFormAsync("/Account/Tokens", "/Account/Tokens?handler=Create", ("Input.Name", " "));
        Assert.Contains("Give the token a name", await response.Content.ReadAsStringAsync());
        await using var db = new SqliteConnection(factory.ConnectionString);
        Assert.Equal(0, await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM core_api_token"));
    }

    [GeneratedRegex("id=\"new-token\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex SecretPattern();
}
