namespace TsPmo.Sdk.Modules;

/// <summary>A named right, granted to roles by default. Admins hold every permission.</summary>
public sealed record PermissionDefinition(string Id, string Description, IReadOnlyList<string> GrantedTo);
