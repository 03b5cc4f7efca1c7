namespace TsPmo.Host.Tests.Security;

/// <summary>Who may call an endpoint. The matrix in <see cref="AccessMatrix"/> gives every endpoint one.</summary>
public enum AccessRule
{
    /// <summary>Anyone, signed in or not (sign-in, first-run setup, health, error pages).</summary>
    Anonymous,
    /// <summary>Every signed-in user; what it lists is filtered to the projects they may read.</summary>
    SignedIn,
    /// <summary>Organization roles ProjectManager, PMO and Admin: starting projects.</summary>
    ProjectCreator,
    /// <summary>Whoever may read the project: its members of any role, the PMO, Admins, and everyone for an Organization project.</summary>
    ProjectReader,
    /// <summary>The project's Members and Managers (not an organization Viewer), the PMO and Admins.</summary>
    ProjectMember,
    /// <summary>The project's Managers, the PMO and Admins.</summary>
    ProjectManager,
    /// <summary>The PMO and Admins (an organization permission).</summary>
    Pmo,
    /// <summary>Admins only.</summary>
    Admin,
}

/// <summary>What a caller should meet.</summary>
public enum Outcome { Allowed, SignIn, Forbidden, NotFound }

/// <summary>The callers the matrix is checked as, against a Private project.</summary>
public enum Caller
{
    SignedOut,
    Admin,
    Pmo,
    /// <summary>Organization Member who is not on the project: a member of another project.</summary>
    Outsider,
    /// <summary>Organization Member, project Viewer.</summary>
    ProjectViewer,
    /// <summary>Organization Member, project Member.</summary>
    ProjectMember,
    /// <summary>Organization ProjectManager, project Manager.</summary>
    ProjectManager,
    /// <summary>Organization Viewer who is a project Member: capped at reading.</summary>
    OrganizationViewer,
}

public static class AccessRules
{
    public static Outcome Expected(AccessRule rule, Caller caller) => (rule, caller) switch
    {
        (AccessRule.Anonymous, _) => Outcome.Allowed,
        (_, Caller.SignedOut) => Outcome.SignIn,
        (_, Caller.Admin) => Outcome.Allowed,
        (AccessRule.Admin, _) => Outcome.Forbidden,
        (_, Caller.Pmo) => Outcome.Allowed,
        (AccessRule.Pmo, _) => Outcome.Forbidden,
        (AccessRule.SignedIn, _) => Outcome.Allowed,
        (AccessRule.ProjectCreator, Caller.ProjectManager) => Outcome.Allowed,
        (AccessRule.ProjectCreator, _) => Outcome.Forbidden,
        (_, Caller.Outsider) => Outcome.NotFound,
        (AccessRule.ProjectReader, _) => Outcome.Allowed,
        (AccessRule.ProjectMember, Caller.ProjectMember or Caller.ProjectManager) => Outcome.Allowed,
        (AccessRule.ProjectManager, Caller.ProjectManager) => Outcome.Allowed,
        _ => Outcome.Forbidden,
    };

    /// <summary>How the rule reads in docs/security.md.</summary>
    public static string Describe(AccessRule rule) => rule switch
    {
        AccessRule.Anonymous => "anonymous",
        AccessRule.SignedIn => "signed in",
        AccessRule.ProjectCreator => "ProjectManager, PMO, Admin",
        AccessRule.ProjectReader => "project reader",
        AccessRule.ProjectMember => "project member",
        AccessRule.ProjectManager => "project manager",
        AccessRule.Pmo => "PMO, Admin",
        _ => "Admin",
    };
}
