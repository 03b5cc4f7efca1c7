using Microsoft.AspNetCore.Mvc.RazorPages;
using TsPmo.Core.Audit;

namespace TsPmo.Host.Pages;

/// <summary>The portfolio's activity feed: every change that belongs to a project, newest first.</summary>
public sealed class ActivityModel(AuditQuery audit, TsPmo.Sdk.Ports.Directory.IProjectPermissions access) : PageModel
{
    public const int PageSize = 50;

    public IReadOnlyList<AuditRecord> Entries { get; private set; } = [];

    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)] public long? Before { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scope = await access.ReadScopeAsync(ct);
        Entries = await audit.FindAsync(new AuditFilter { ProjectsOnly = true, BeforeId = Before, Take = PageSize, HiddenProjects = scope.Hidden }, ct);
    }
}
