using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TsPmo.Core.Audit;
using TsPmo.Core.Projects;

namespace TsPmo.Host.Pages.Projects;

/// <summary>Everything that happened in one project, newest first, paged backwards.</summary>
public sealed class ActivityModel(ProjectService projects, AuditQuery audit) : PageModel
{
    public const int PageSize = 50;

    public Project Project { get; private set; } = null!;
    public IReadOnlyList<AuditRecord> Entries { get; private set; } = [];

    [BindProperty(SupportsGet = true)] public long? Before { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await projects.FindAsync(id, ct) is not { } project) return NotFound();
        Project = project;
        Entries = await audit.FindAsync(new AuditFilter { ProjectId = id, BeforeId = Before, Take = PageSize }, ct);
        return Page();
    }
}
