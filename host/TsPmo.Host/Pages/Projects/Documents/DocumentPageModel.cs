using System.Globalization;
using TsPmo.Core.Documents;
using TsPmo.Core.Projects;
using TsPmo.Sdk.Time;
using TsPmo.Sdk.Web;

namespace TsPmo.Host.Pages.Projects.Documents;

/// <summary>
/// The documents section of a project on the SDK's project page: its links, its breadcrumbs under "Documents", and
/// times in the organization's zone. <see cref="ProjectPageModel.CanEdit"/> is the right to edit documents.
/// </summary>
public abstract class DocumentPageModel(IOrganizationClock clock) : ProjectPageModel
{
    protected override string WorkPermission => ProjectPermissions.EditDocuments;

    /// <summary>Loads the project; the page is <paramref name="section"/> under Documents › <paramref name="between"/> (the index itself when null).</summary>
    protected Task LoadSectionAsync(long id, string? section, CancellationToken ct, params Breadcrumb[] between) =>
        section is null
            ? LoadProjectAsync(id, "Documents", ct)
            : LoadProjectAsync(id, section, ct, [new Breadcrumb("Documents", DocumentsHref(id)), .. between]);

    public string DocumentsHref() => DocumentsHref(Project.Id);

    public string DocumentHref(long docId) => DocumentHref(Project.Id, docId);

    protected static string DocumentHref(long projectId, long docId) => $"{DocumentsHref(projectId)}/{docId}";

    private static string DocumentsHref(long projectId) => $"{CoreLinks.Project(projectId)}/Documents";

    /// <summary>An instant as the organization reads it: local date and time.</summary>
    public string When(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, clock.TimeZone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string KindLabel(DocumentKind kind) => kind == DocumentKind.DecisionRecord ? "Decision record" : kind.ToString();
}
