using Microsoft.AspNetCore.Mvc.RazorPages;
using TsPmo.Sdk.Modules;
using TsPmo.Sdk.Ports.Reporting;
using TsPmo.Sdk.Security;

namespace TsPmo.Host.Pages;

/// <summary>The home page: the dashboard widgets of the enabled modules the user may see.</summary>
public sealed class IndexModel(IEnabledContributions<IDashboardWidget> widgets, ICurrentUser user, ILogger<IndexModel> logger) : PageModel
{
    public IReadOnlyList<IDashboardWidget> Widgets { get; private set; } = [];
    public string DisplayName => user.DisplayName;

    public void OnGet() =>
        Widgets = widgets.All.Where(w => w.Permission is null || user.HasPermission(w.Permission)).OrderBy(w => w.Order).ToList();

    public void LogWidgetFailure(IDashboardWidget widget, Exception ex) =>
        logger.LogError(ex, "Dashboard widget {Widget} failed", widget.Id);
}
