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
    public int FailedSignIns { get; init; }
    public DateTimeOffset? LockedUntil { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public long Version { get; init; }
}
