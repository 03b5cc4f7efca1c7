using Microsoft.AspNetCore.Mvc;
using TsPmo.Risk.Risks;
using TsPmo.Risk.Warnings;
using TsPmo.Sdk.Ports.Reporting;

namespace TsPmo.Risk.Widgets;

public sealed class TopRisksWidget : IDashboardWidget
{
    public string Id => "risk-top";
    public string Title => "Top risks";
    public int Order => 30;
    public string? Permission => null;
    public string ViewComponentName => TopRisksViewComponent.Name;
}

/// <summary>The live risks with the highest residual scores and the early warnings, across the portfolio or in one project.</summary>
[ViewComponent(Name = Name)]
public sealed class TopRisksViewComponent(RiskService risks, EarlyWarningService warnings) : ViewComponent
{
    public const string Name = "TopRisks";

    public sealed record Model(IReadOnlyList<RiskEntry> Top, IReadOnlyList<EarlyWarning> Warnings);

    public async Task<IViewComponentResult> InvokeAsync(WidgetContext context)
    {
        var page = await risks.SearchAsync(new RiskQuery { LiveOnly = true, ProjectId = context.ProjectId, PageSize = 200 });
        var top = page.Items.OrderByDescending(r => r.ResidualScore).ThenByDescending(r => r.Score).Take(5).ToList();
        return View(new Model(top, await warnings.GetAsync(context.ProjectId)));
    }
}
