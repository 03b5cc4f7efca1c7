using Microsoft.AspNetCore.Mvc.RazorPages;
using TsPmo.Sdk.Modules;
using TsPmo.Sdk.Ports.Reporting;
using TsPmo.Sdk.Security;

namespace TsPmo.Host.Pages;

/// <summary>The home page: the dashboard widgets of the enabled modules the user may see.</summary>
public sealed class IndexModel(IEnabledContributions<IDashboardWidget> widgets, ICurrentUser user, TsPmo.Sdk.Ports.Directory.IProjectPermissions access, ILogger<IndexModel> logger) : PageModel
{
    public IReadOnlyList<IDashboardWidget> Widgets { get; private set; } = [];
    public string DisplayName => user.DisplayName;

    /// <summary>What every widget is told: the home page shows no one project, and only what the user may read.</summary>
    public WidgetContext Context { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Widgets = widgets.All.Where(w => w.Permission is null || user.HasPermission(w.Permission)).OrderBy(w => w.Order).ToList();
        Context = new WidgetContext(null, await access.ReadScopeAsync(ct));
    }

    public void LogWidgetFailure(IDashboardWidget widget, Exception ex) =>
        logger.LogError(ex, "Dashboard widget {Widget} failed", widget.Id);
}
