namespace TsPmo.Sdk.Security;

/// <summary>The organization-wide roles, most powerful first.</summary>
public static class Roles
{
    public const string Admin = "Admin";
    public const string Pmo = "PMO";
    public const string ProjectManager = "ProjectManager";
    public const string Member = "Member";
    public const string Viewer = "Viewer";

    public static readonly IReadOnlyList<string> All = [Admin, Pmo, ProjectManager, Member, Viewer];

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);
}
