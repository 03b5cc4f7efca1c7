namespace TsPmo.Sdk.Security;

/// <summary>The person behind the current request (page or API call), or anonymous.</summary>
public interface ICurrentUser
{
    bool IsAuthenticated { get; }
    long? UserId { get; }
    string DisplayName { get; }
    string? Role { get; }

    /// <summary>True for Admins, and for holders of a role the permission is granted to.</summary>
    bool HasPermission(string permissionId);
}
