namespace TsPmo.Core.Accounts;

/// <summary>A local sign-in account. The password is kept only as an ASP.NET Core Identity hash.</summary>
public sealed record UserAccount
{
    public long Id { get; init; }
    public string Email { get; init; } = "";
    public string DisplayName { get; init; } = "";
    public string PasswordHash { get; init; } = "";
    public string Role { get; init; } = "";
    public bool IsActive { get; init; }
    /// <summary>Failures from all clients since the last success (the account-wide count).</summary>
    public int FailedSignIns { get; init; }
    /// <summary>The account-wide lock.</summary>
    public DateTimeOffset? LockedUntil { get; init; }
    /// <summary>The latest lock of one client out of this account, if any.</summary>
    public DateTimeOffset? ClientLockedUntil { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public long Version { get; init; }
    /// <summary>Changes whenever every session of the account must end (password, sign-out, deactivation).</summary>
    public string SecurityStamp { get; init; } = "";

    public bool IsLocked(DateTimeOffset now) => LockedUntil > now || ClientLockedUntil > now;
}
