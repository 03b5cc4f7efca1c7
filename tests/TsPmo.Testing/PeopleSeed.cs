using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using TsPmo.Core.Accounts;

namespace TsPmo.Testing;

/// <summary>Rows the people tests stand on, written without the APIs of other features (projects are inserted with SQL).</summary>
public static class PeopleSeed
{
    public const string Password = "seed-password-1";

    public static async Task<long> ProjectAsync(this TsPmoFactory factory, string code, string methodology = "scrum")
    {
        await using var db = new SqliteConnection(factory.ConnectionString);
        return await db.ExecuteScalarAsync<long>("""
            INSERT INTO core_project (code, name, methodology_id, created_at, updated_at)
            VALUES (@code, @name, @methodology, '2025-01-01T00:00:00.0000000Z', '2025-01-01T00:00:00.0000000Z') RETURNING id
            """, new { code, name = "Project " + code, methodology });
    }

    /// <summary>An account with <see cref="Password"/>; the host must have started (create a client first).</summary>
    public static async Task<long> UserAsync(this TsPmoFactory factory, string email, string role)
    {
        using var scope = factory.Services.CreateScope();
        var account = await scope.ServiceProvider.GetRequiredService<AccountService>().CreateAsync(email, email.Split('@')[0], role, Password);
        return account.Id;
    }

    /// <summary>An API client signed in as a new account of the given role.</summary>
    public static async Task<(HttpClient Client, long UserId)> ApiAsAsync(this TsPmoFactory factory, string email, string role)
    {
        var userId = await factory.UserAsync(email, role);
        return (factory.CreateClient().WithToken(await factory.CreateClient().TokenAsync(email, Password)), userId);
    }

    public static async Task<string?> ScalarTextAsync(this TsPmoFactory factory, string sql, object? parameters = null)
    {
        await using var db = new SqliteConnection(factory.ConnectionString);
        return await db.ExecuteScalarAsync<string>(sql, parameters);
    }

    public static async Task<long> ScalarAsync(this TsPmoFactory factory, string sql, object? parameters = null)
    {
        await using var db = new SqliteConnection(factory.ConnectionString);
        return await db.ExecuteScalarAsync<long>(sql, parameters);
    }
}
