using TsPmo.Core.Modules;
using System.Globalization;
using System.Security.Claims;
using TsPmo.Sdk.Security;

namespace TsPmo.Host.Shell.Security;

/// <summary>The signed-in user of the current HTTP request; "system" outside a request (jobs, start-up).</summary>
public sealed class HttpCurrentUser(IHttpContextAccessor accessor, PermissionCatalog permissions) : ICurrentUser
{
    private ClaimsPrincipal? Principal => accessor.HttpContext?.User;

    public bool IsAuthenticated => Principal?.Identity?.IsAuthenticated == true;

    public long? UserId =>
        long.TryParse(Principal?.FindFirstValue(ClaimTypes.NameIdentifier), NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? id : null;

    public string DisplayName => IsAuthenticated ? Principal!.FindFirstValue(ClaimTypes.Name) ?? "unknown" : "system";

    public string? Role => IsAuthenticated ? Principal!.FindFirstValue(ClaimTypes.Role) : null;

    public bool HasPermission(string permissionId) => IsAuthenticated && permissions.Allows(Role, permissionId);
}
