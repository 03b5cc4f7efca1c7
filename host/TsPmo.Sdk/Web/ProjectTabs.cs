namespace TsPmo.Sdk.Web;

/// <summary>
/// Put in <c>ViewData[ProjectTabs.Key]</c> by any page about one project: the host layout then shows the
/// project's tab bar (core's overview, the project's methodology module's tabs, the enabled capability
/// modules' tabs) with the current tab marked.
/// </summary>
public sealed record ProjectTabs(long ProjectId, string ProjectName, string MethodologyId)
{
    public const string Key = "tspmo.projectTabs";
}
