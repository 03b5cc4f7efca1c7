namespace TsPmo.Core.Accounts;

/// <summary>A personal API token as listed to its owner: never the secret itself, which is shown once.</summary>
public sealed record ApiToken(long Id, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt)
{
    public bool IsActive(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is null || ExpiresAt > now);
}
