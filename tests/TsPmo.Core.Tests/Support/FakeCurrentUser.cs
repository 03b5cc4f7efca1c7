using TsPmo.Sdk.Security;

namespace TsPmo.Core.Tests.Support;

public sealed class FakeCurrentUser : ICurrentUser
{
    public static FakeCurrentUser Anonymous => new() { IsAuthenticated = false, UserId = null, DisplayName = "", Role = null };

    public bool IsAuthenticated { get; init; } = true;
    public long? UserId { get; init; } = 7;
    public string DisplayName { get; init; } = "Ada Admin";
    public string? Role { get; init; } = Roles.Admin;

    public bool HasPermission(string permissionId) => Role == Roles.Admin;
}
