using Microsoft.AspNetCore.Mvc;
using TsPmo.Reporting.Domain;
using TsPmo.Reporting.Engine;
using TsPmo.Reporting.Services;
using TsPmo.Sdk.Ports.Reporting;

namespace TsPmo.Reporting.Contributions;

// The portfolio dashboard on the home page is these three widgets, for the PMO and Admins only; /Reporting has the full page.

public sealed class KpiWidget : IDashboardWidget
{
    public string Id => "reporting-kpis";
    public string Title => "Portfolio KPIs";
    public int Order => 1;
    public string? Permission => ReportingModule.DashboardPermission;
    public string ViewComponentName => "ReportingKpis";
}

public sealed class HealthWidget : IDashboardWidget
{
    public string Id => "reporting-health";
    public string Title => "Portfolio health";
    public int Order => 2;
    public string? Permission => ReportingModule.DashboardPermission;
    public string ViewComponentName => "ReportingHealth";
}

public sealed class PhaseWidget : IDashboardWidget
{
    public string Id => "reporting-phases";
    public string Title => "Projects by phase and methodology";
    public int Order => 3;
    public string? Permission => ReportingModule.DashboardPermission;
    public string ViewComponentName => "ReportingPhases";
}

/// <summary>What the widgets (on the home page and on /Reporting) show: the view and its figures.</summary>
public sealed record DashboardModel(PortfolioView View, DashboardFigures Figures)
{
    public PortfolioKpis Kpis => Figures.Kpis;
}

public abstract class DashboardViewComponent(PortfolioService portfolio) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(WidgetContext context)
    {
        _ = context;
        var view = await portfolio.GetAsync(HttpContext.RequestAborted);
        return View(new DashboardModel(view, DashboardFigures.Of(view)));
    }
}

[ViewComponent(Name = "ReportingKpis")]
public sealed class KpiViewComponent(PortfolioService portfolio) : DashboardViewComponent(portfolio);

[ViewComponent(Name = "ReportingHealth")]
public sealed class HealthViewComponent(PortfolioService portfolio) : DashboardViewComponent(portfolio);

[ViewComponent(Name = "ReportingPhases")]
public sealed class PhaseViewComponent(PortfolioService portfolio) : DashboardViewComponent(portfolio);
