using TsPmo.Core.Modules;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TsPmo.Core.Audit;
using TsPmo.Host.Shell.Security;

namespace TsPmo.Host.Pages.Admin;

/// <summary>The audit trail for Admin and PMO: who changed what, when, before and after, with filters.</summary>
[Authorize(Policy = CorePermissions.ReadAudit)]
public sealed class AuditModel(AuditQuery audit) : PageModel
{
    public const int PageSize = 100;

    [BindProperty(SupportsGet = true)] public string? Entity { get; set; }
    [BindProperty(SupportsGet = true)] public string? EntityId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Module { get; set; }
    [BindProperty(SupportsGet = true, Name = "user")] public string? ByUser { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true)] public long? Before { get; set; }

    public IReadOnlyList<AuditRecord> Entries { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Entries = await audit.FindAsync(new AuditFilter
        {
            EntityType = Blank(Entity), EntityId = Blank(EntityId), ModuleId = Blank(Module), UserName = Blank(ByUser),
            From = From, To = To, BeforeId = Before, Take = PageSize,
        }, ct);

    public string OlderLink() =>
        Url.Page("/Admin/Audit", new { entity = Entity, entityId = EntityId, module = Module, user = ByUser, from = From?.ToString("yyyy-MM-dd"), to = To?.ToString("yyyy-MM-dd"), before = Entries[^1].Id })!;

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
