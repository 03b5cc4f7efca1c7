using System.Security.Cryptography;
using System.Text;
using Dapper;
using TsPmo.Core.Data;
using TsPmo.Sdk.Audit;
using TsPmo.Sdk.Data;

namespace TsPmo.Core.Accounts;

/// <summary>
/// Bearer tokens: 256 random bits shown once, stored as a SHA-256 hash. A fast hash is enough because the
/// secret is random, not a password a person chose.
/// </summary>
public sealed class ApiTokenService(IDbConnectionFactory connections, IAuditLog audit, TimeProvider time)
{
    public const string SecretPrefix = "tspmo_";

    public async Task<(ApiToken Token, string Secret)> CreateAsync(long userId, string? name, int? validDays = null, CancellationToken ct = default)
    {
        name = name?.Trim() ?? "";
        if (name.Length is 0 or > 80) throw new DomainValidationException("name", "Give the token a name of 1 to 80 characters, e.g. \"CI pipeline\".");
        if (validDays is < 1 or > 3650) throw new DomainValidationException("validDays", "A token is valid for 1 to 3650 days, or leave it empty for no expiry.");

        var secret = SecretPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var now = time.GetUtcNow();
        var expires = validDays is { } d ? now.AddDays(d) : (DateTimeOffset?)null;
        await using var connection = await connections.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var id = await connection.ExecuteScalarAsync<long>("""
            INSERT INTO core_api_token (user_id, name, token_hash, prefix, created_at, expires_at)
            VALUES (@userId, @name, @hash, @prefix, @now, @expires) RETURNING id
            """, new { userId, name, hash = Hash(secret), prefix = secret[..12], now = DapperTypeHandlers.Format(now), expires }, tx);
        await audit.WriteAsync(connection, tx, new AuditEntry("core", "api-token", id.ToString(), "created", null, new { name, userId }), ct);
        await tx.CommitAsync(ct);
        return (new ApiToken(id, name, secret[..12], now, expires, null, null), secret);
    }

    /// <summary>The active user behind a secret, or null. Records when the token was last used (at most once a minute).</summary>
    public async Task<UserAccount?> AuthenticateAsync(string secret, CancellationToken ct = default)
    {
        if (!secret.StartsWith(SecretPrefix, StringComparison.Ordinal) || secret.Length > 100) return null;
        await using var connection = await connections.OpenAsync(ct);
        var now = time.GetUtcNow();
        var row = await connection.QuerySingleOrDefaultAsync<(long TokenId, DateTimeOffset? ExpiresAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt, long UserId)>("""
            SELECT id, expires_at, last_used_at, revoked_at, user_id FROM core_api_token WHERE token_hash = @hash
            """, new { hash = Hash(secret) });
        if (row.TokenId == 0 || row.RevokedAt is not null || row.ExpiresAt <= now) return null;
        var user = await connection.QuerySingleOrDefaultAsync<UserAccount>(
            $"SELECT {UserStore.Columns} FROM core_user WHERE id = @UserId AND is_active = 1", new { row.UserId });
        if (user is not null && (row.LastUsedAt is null || now - row.LastUsedAt > TimeSpan.FromMinutes(1)))
            await connection.ExecuteAsync("UPDATE core_api_token SET last_used_at = @now WHERE id = @TokenId",
                new { now = DapperTypeHandlers.Format(now), row.TokenId });
        return user;
    }

    public async Task<IReadOnlyList<ApiToken>> ListAsync(long userId, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        return (await connection.QueryAsync<ApiToken>("""
            SELECT id, name, prefix, created_at AS CreatedAt, expires_at AS ExpiresAt, last_used_at AS LastUsedAt, revoked_at AS RevokedAt
            FROM core_api_token WHERE user_id = @userId ORDER BY id DESC
            """, new { userId })).ToList();
    }

    /// <summary>Revokes one of the user's own tokens; a token of someone else is "not found".</summary>
    public async Task RevokeAsync(long userId, long tokenId, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var rows = await connection.ExecuteAsync(
            "UPDATE core_api_token SET revoked_at = COALESCE(revoked_at, @now) WHERE id = @tokenId AND user_id = @userId",
            new { now = DapperTypeHandlers.Format(time.GetUtcNow()), tokenId, userId }, tx);
        if (rows == 0) throw new NotFoundException("Token", tokenId.ToString());
        await audit.WriteAsync(connection, tx, new AuditEntry("core", "api-token", tokenId.ToString(), "revoked", null, null), ct);
        await tx.CommitAsync(ct);
    }

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
