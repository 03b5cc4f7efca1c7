using TsPmo.Sdk.Security;

namespace TsPmo.Core.Projects;

/// <summary>
/// The organization's defaults for new projects, from configuration (<c>Projects:DefaultVisibility</c> =
/// <c>Organization</c> or <c>Private</c>). Organization keeps the open behaviour small teams expect; an organization
/// with confidential work sets Private so a project is hidden until its manager opens it up.
/// </summary>
public sealed record ProjectDefaults(ProjectVisibility Visibility)
{
    public static ProjectDefaults From(string? configured) =>
        string.IsNullOrWhiteSpace(configured) ? new(ProjectVisibility.Organization)
        : Enum.TryParse<ProjectVisibility>(configured, ignoreCase: true, out var v) && Enum.IsDefined(v) && !int.TryParse(configured, out _) ? new(v)
        : throw new InvalidOperationException($"Projects:DefaultVisibility must be Organization or Private, not '{configured}'.");
}
