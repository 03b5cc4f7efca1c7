using Microsoft.AspNetCore.Builder;

namespace TsPmo.Sdk.Security;

public static class PermissionEndpointExtensions
{
    /// <summary>
    /// Lets only holders of <paramref name="permissionId"/> call the endpoint (403 problem otherwise).
    /// On a Razor Page use <c>[Authorize(Policy = "module.permission")]</c>: a policy name containing a dot
    /// is read as a permission.
    /// </summary>
    public static TBuilder RequirePermission<TBuilder>(this TBuilder builder, string permissionId) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(policy => policy.RequireAuthenticatedUser().AddRequirements(new PermissionRequirement(permissionId)));
}
