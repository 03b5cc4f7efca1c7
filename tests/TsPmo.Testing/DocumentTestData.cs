using Dapper;
using Microsoft.Data.Sqlite;

namespace TsPmo.Testing;

/// <summary>Projects and accounts for the document tests, made without the projects API (written separately).</summary>
public static class DocumentTestData
{
    /// <summary>Inserts a project row; the host must have started (a client created) so the schema exists.</summary>
    public static async Task<long> InsertProjectAsync(this TsPmoFactory factory, string code, string? name = null)
    {
        await using var db = new SqliteConnection(factory.ConnectionString);
        return await db.ExecuteScalarAsync<long>("""
            INSERT INTO core_project (code, name, methodology_id, created_at, updated_at)
            VALUES (@code, @name, 'scrum', '2025-01-01T00:00:00.0000000Z', '2025-01-01T00:00:00.0000000Z') RETURNING id
            """, new { code, name = name ?? "Project " + code });
    }

    /// <summary>Creates an account through the admin page and returns a browser signed in as it.</summary>
    public static async Task<HttpClient> SignedInAsAsync(this TsPmoFactory factory, string email, string role)
    {
        var admin = factory.CreateBrowserClient();
        await admin.SignInAsync(TsPmoFactory.AdminEmail, TsPmoFactory.AdminPassword);
        var created = await admin.PostFormAsync("/Admin/Users", "/Admin/Users?handler=Create",
            ("Input.DisplayName", role + " user"), ("Input.Email", email), ("Input.Role", role), ("Input.Password", "secret-password-1"));
        Assert.Equal(System.Net.HttpStatusCode.Redirect, created.StatusCode);
        var browser = factory.CreateBrowserClient();
        await browser.SignInAsync(email, "secret-password-1");
        return browser;
    }
}
