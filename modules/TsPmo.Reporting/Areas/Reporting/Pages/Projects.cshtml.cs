using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TsPmo.Reporting.Domain;
using TsPmo.Reporting.Services;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Web;

namespace TsPmo.Reporting.Areas.Reporting.Pages;

/// <summary>The drill-down: the projects behind any dashboard figure, with their health grid, 50 to a page, worst first.</summary>
public sealed class ProjectsModel(PortfolioService portfolio) : PageModel
{
    public const int PageSize = 50;

    [FromQuery] public string? Phase { get; set; }
    [FromQuery] public string? Methodology { get; set; }
    [FromQuery] public string? Health { get; set; }
    [FromQuery] public string? Dimension { get; set; }
    [FromQuery] public string? Kpi { get; set; }
    [FromQuery(Name = "p")] public int PageNumber { get; set; } = 1;

    public PortfolioView View { get; private set; } = null!;
    public ProjectFilter Filter { get; private set; } = new();
    public IReadOnlyList<ProjectRow> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public string? Error { get; private set; }
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public async Task OnGetAsync(CancellationToken ct)
    {
        View = await portfolio.GetAsync(ct);
        try
        {
            Filter = ProjectFilter.Parse(Phase, Methodology, Health, Dimension, Kpi);
        }
        catch (DomainValidationException ex)
        {
            Error = ex.Message;
            Response.StatusCode = 400;
        }
        var rows = Filter.Apply(View.Projects)
            .OrderByDescending(r => r.Health is { } h ? (int)h.Overall : -1)
            .ThenBy(r => r.Project.Name, StringComparer.OrdinalIgnoreCase).ToList();
        Total = rows.Count;
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        Rows = rows.Skip((PageNumber - 1) * PageSize).Take(PageSize).ToList();
        ViewData["Title"] = Filter.Describe(View);
        ViewData["Breadcrumbs"] = new[] { new Breadcrumb("Home", CoreLinks.Home), new Breadcrumb("Reporting", Url.Page("/Index", new { area = "Reporting" })!), new Breadcrumb("Projects") };
    }

    public string PageLink(int page)
    {
        var q = Filter.QueryString();
        return Url.Page("/Projects", new { area = "Reporting" }) + "?" + (q.Length == 0 ? "" : q + "&") + "p=" + page;
    }
}
