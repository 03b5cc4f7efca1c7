using TsPmo.Core.Modules;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using TsPmo.Sdk.Security;

namespace TsPmo.Host.Shell.Security;

/// <summary>Grants a <see cref="PermissionRequirement"/> to users whose role holds the permission.</summary>
public sealed class PermissionHandler(PermissionCatalog permissions) : AuthorizationHandler<PermissionRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        if (context.User.Identity?.IsAuthenticated == true &&
            permissions.Allows(context.User.FindFirst(System.Security.Claims.ClaimTypes.Role)?.Value, requirement.PermissionId))
            context.Succeed(requirement);
        return Task.CompletedTask;
    }
}

/// <summary>Reads a policy name with a dot (<c>scrum.edit</c>) as "holds this permission".</summary>
public sealed class PermissionPolicyProvider(IOptions<AuthorizationOptions> options) : DefaultAuthorizationPolicyProvider(options)
{
    public override async Task<AuthorizationPolicy?> GetPolicyAsync(string policyName) =>
        await base.GetPolicyAsync(policyName)
        ?? (policyName.Contains('.')
            ? new AuthorizationPolicyBuilder().RequireAuthenticatedUser().AddRequirements(new PermissionRequirement(policyName)).Build()
            : null);
}
