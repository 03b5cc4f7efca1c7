using System.Globalization;

namespace TsPmo.Sdk.Web;

/// <summary>
/// The kernel's pages a module links to (breadcrumbs, "back to the project"), in one place. A module's own pages are
/// linked by page name (<c>asp-page</c>, <c>RedirectToPage</c>, <c>MenuEntry.ForPage</c>), never by a URL string.
/// </summary>
public static class CoreLinks
{
    public const string Home = "/";
    public const string Portfolio = "/Projects";

    public static string Project(long projectId) => "/Projects/" + projectId.ToString(CultureInfo.InvariantCulture);

    public static string Person(long personId) => "/People/" + personId.ToString(CultureInfo.InvariantCulture);
}
