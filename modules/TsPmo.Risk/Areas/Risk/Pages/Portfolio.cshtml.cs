using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TsPmo.Risk.Domain;
using TsPmo.Risk.Services;
using TsPmo.Sdk.Ports.Directory;
using TsPmo.Sdk.Web;

namespace TsPmo.Risk.Areas.Risk.Pages;

/// <summary>Every project's risks: filters, a paged table, the portfolio heat map (a cell filters the table) and a CSV export.</summary>
public sealed class PortfolioModel(RiskService risks, HeatMapService maps, RiskMatrixService matrices, IProjectDirectory projects, IPeopleDirectory people) : PageModel
{
    [FromQuery] public RiskCategory? Category { get; set; }
    [FromQuery] public RiskLevel? Level { get; set; }
    [FromQuery] public long? Owner { get; set; }
    [FromQuery] public long? ProjectId { get; set; }
    [FromQuery] public RiskStatus? Status { get; set; }
    [FromQuery(Name = "p")] public int? CellProbability { get; set; }
    [FromQuery(Name = "i")] public int? CellImpact { get; set; }
    [FromQuery] public bool Residual { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    public RiskPage Risks { get; private set; } = new([], 0, 1, 50);
    public HeatMapView Map { get; private set; } = null!;
    public IReadOnlyList<ProjectInfo> Projects { get; private set; } = [];
    public IReadOnlyList<PersonInfo> People { get; private set; } = [];
    public bool CellFiltered => CellProbability is >= 1 and <= 5 && CellImpact is >= 1 and <= 5;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        ViewData["Title"] = "Portfolio risks";
        ViewData["Breadcrumbs"] = new[] { new Breadcrumb("Home", CoreLinks.Home), new Breadcrumb("Risks") };
        Risks = await risks.SearchAsync(Query() with { Page = PageNumber, PageSize = 50 }, ct);
        var matrix = await matrices.GetAsync(ct);
        Map = new HeatMapView("heatmap-portfolio", Residual ? "Portfolio residual risk" : "Portfolio inherent risk", await maps.GetAsync(ProjectId, Residual, ct), matrix,
            (p, i) => Url.Page("/Portfolio", null, new { area = "Risk", p, i, residual = Residual ? "true" : "false", projectId = ProjectId }, null, null, "risk-table")!)
        { Selected = CellFiltered ? (CellProbability!.Value, CellImpact!.Value) : null };
        Projects = await projects.ListAsync(ct: ct);
        People = await people.ListAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var all = await risks.SearchAsync(Query() with { PageSize = int.MaxValue }, ct);
        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(RiskCsv.Write(all.Items))).ToArray(), "text/csv", "risks.csv");
    }

    /// <summary>The link to another page of the same filter.</summary>
    public string PageLink(int page) => Microsoft.AspNetCore.Http.QueryString.Create(new Dictionary<string, string?>
    {
        ["category"] = Category?.ToString(), ["level"] = Level?.ToString(), ["owner"] = Owner?.ToString(), ["projectId"] = ProjectId?.ToString(),
        ["status"] = Status?.ToString(), ["p"] = CellProbability?.ToString(), ["i"] = CellImpact?.ToString(), ["residual"] = Residual ? "true" : null,
        ["page"] = page.ToString(),
    }.Where(kv => kv.Value is not null)).Value!;

    private RiskQuery Query() => new()
    {
        Category = Category, Level = Level, Owner = Owner, ProjectId = ProjectId, Status = Status,
        Probability = CellFiltered ? CellProbability : null, Impact = CellFiltered ? CellImpact : null, Residual = Residual, LiveOnly = CellFiltered,
    };
}
