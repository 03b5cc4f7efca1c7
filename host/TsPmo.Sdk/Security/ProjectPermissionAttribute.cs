using Microsoft.AspNetCore.Builder;

namespace TsPmo.Sdk.Security;

/// <summary>
/// Declares the project permission an endpoint or a Razor Page handler needs on the project its route names. The host
/// checks it before any binding, validation or module code runs: a caller who may not read the project gets 404, one
/// who may read but not do this gets 403 — so a refusal never depends on whether the request body was valid.
/// Without a declaration, a write (POST, PUT, PATCH, DELETE) to a project needs a Member's right to work on it;
/// declare the Manager-level ones.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class, AllowMultiple = false)]
public sealed class ProjectPermissionAttribute(string permissionId) : Attribute
{
    public string PermissionId { get; } = permissionId;
}

public static class ProjectPermissionEndpointExtensions
{
    /// <summary>The endpoint needs <paramref name="permissionId"/> on the project of its route (see <see cref="ProjectPermissionAttribute"/>).</summary>
    public static TBuilder RequireProjectPermission<TBuilder>(this TBuilder builder, string permissionId) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ProjectPermissionAttribute(permissionId));
}
