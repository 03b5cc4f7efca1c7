namespace TsPmo.Sdk.Security;

/// <summary>
/// What the current user may do on one project, from least to most: nothing (the project does not exist for them),
/// read, work (a Member's rights) or manage (a Manager's, the PMO's and Admins' rights).
/// </summary>
public enum ProjectAccessLevel { None = 0, Read = 1, Work = 2, Manage = 3 }

public static class ProjectAccessLevels
{
    /// <summary>The level a project role gives on its project (before the organization role caps it).</summary>
    public static ProjectAccessLevel Of(ProjectRole role) => role switch
    {
        ProjectRole.Manager => ProjectAccessLevel.Manage,
        ProjectRole.Member => ProjectAccessLevel.Work,
        _ => ProjectAccessLevel.Read,
    };
}
