using Microsoft.AspNetCore.Authorization;

namespace TsPmo.Sdk.Security;

/// <summary>Requires the caller to hold a permission; the host decides by role (Admins hold all).</summary>
public sealed record PermissionRequirement(string PermissionId) : IAuthorizationRequirement;
