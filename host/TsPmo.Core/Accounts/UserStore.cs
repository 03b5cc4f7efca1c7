using System.Data.Common;
using Dapper;
using TsPmo.Sdk.Data;

namespace TsPmo.Core.Accounts;

/// <summary>SQL for <c>core_user</c>; the rules live in <see cref="AccountService"/>.</summary>
public sealed class UserStore(IDbConnectionFactory connections)
{
    internal const string Columns = """
        id, email, display_name AS DisplayName, password_hash AS PasswordHash, role, is_active AS IsActive,
        failed_sign_ins AS FailedSignIns, locked_until AS LockedUntil, created_at AS CreatedAt, version,
        security_stamp AS SecurityStamp,
        (SELECT MAX(f.locked_until) FROM core_sign_in_failure f WHERE f.user_id = core_user.id) AS ClientLockedUntil
        """;

    public async Task<UserAccount?> FindAsync(long id, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<UserAccount>($"SELECT {Columns} FROM core_user WHERE id = @id", new { id });
    }

    public static Task<UserAccount?> FindByEmailAsync(DbConnection connection, DbTransaction? tx, string email) =>
        connection.QuerySingleOrDefaultAsync<UserAccount>($"SELECT {Columns} FROM core_user WHERE email = @email", new { email }, tx);

    public async Task<IReadOnlyList<UserAccount>> ListAsync(CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        return (await connection.QueryAsync<UserAccount>($"SELECT {Columns} FROM core_user ORDER BY display_name COLLATE NOCASE")).ToList();
    }

    public async Task<bool> AnyAdminAsync(CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        return await AnyAdminAsync(connection, null);
    }

    public static Task<bool> AnyAdminAsync(DbConnection connection, DbTransaction? tx) =>
        connection.ExecuteScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM core_user WHERE role = 'Admin' AND is_active = 1)", transaction: tx);

    public static Task<bool> AnyUserAsync(DbConnection connection, DbTransaction? tx) =>
        connection.ExecuteScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM core_user)", transaction: tx);
}
