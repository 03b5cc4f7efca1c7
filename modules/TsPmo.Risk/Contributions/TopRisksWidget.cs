using Microsoft.AspNetCore.Mvc;
using TsPmo.Risk.Domain;
using TsPmo.Risk.Services;
using TsPmo.Sdk.Ports.Reporting;

namespace TsPmo.Risk.Contributions;

public sealed class TopRisksWidget : IDashboardWidget
{
    public string Id => "risk-top";
    public string Title => "Top risks";
    public int Order => 30;
    public string? Permission => null;
    public string ViewComponentName => TopRisksViewComponent.Name;
}

/// <summary>
/// The five live risks with the highest residual scores (read as such from the database, not sorted in memory) and the
/// count and first three of the early warnings, across the portfolio (cached, see <see cref="EarlyWarningService"/>)
/// or in one project.
/// </summary>
[ViewComponent(Name = Name)]
public sealed class TopRisksViewComponent(RiskService risks, EarlyWarningService warnings) : ViewComponent
{
    public const string Name = "TopRisks";
    public const int TopCount = 5;
    public const int WarningsShown = 3;

    public sealed record Model(IReadOnlyList<RiskEntry> Top, int WarningCount, IReadOnlyList<EarlyWarning> FirstWarnings);

    public async Task<IViewComponentResult> InvokeAsync(WidgetContext context)
    {
        var ct = HttpContext.RequestAborted;
        var top = await risks.TopAsync(context.ProjectId, TopCount, ct);
        var early = await warnings.GetAsync(context.ProjectId, ct);
        return View(new Model(top, early.Count, early.Take(WarningsShown).ToList()));
    }
}
