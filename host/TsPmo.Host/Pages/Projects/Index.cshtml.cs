using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using TsPmo.Core.Projects;
using TsPmo.Sdk.Modules;
using TsPmo.Sdk.Ports.Lifecycle;

namespace TsPmo.Host.Pages.Projects;

/// <summary>The portfolio: every project, filtered, sorted and paged, as a table or a board by phase, or as CSV.</summary>
public sealed class IndexModel(ProjectService projects, PortfolioLookups lookups, IModuleCatalog modules, ProjectAccess access) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public LifecyclePhase? Phase { get; set; }
    [BindProperty(SupportsGet = true)] public string? Methodology { get; set; }
    [BindProperty(SupportsGet = true)] public long? Owner { get; set; }
    [BindProperty(SupportsGet = true)] public string? Tag { get; set; }
    [BindProperty(SupportsGet = true)] public bool Archived { get; set; }
    [BindProperty(SupportsGet = true)] public ProjectSort Sort { get; set; } = ProjectSort.Name;
    [BindProperty(SupportsGet = true)] public bool Desc { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    [BindProperty(SupportsGet = true)] public string View { get; set; } = "list";

    public const int PageSize = 25;
    public const int BoardColumnSize = 30;

    public ProjectPage Result { get; private set; } = new([], 0, 1, PageSize);
    public IReadOnlyList<(LifecyclePhase Phase, ProjectPage Page)> Board { get; private set; } = [];
    public IReadOnlyList<(long Id, string Name)> Owners { get; private set; } = [];
    public IReadOnlyList<string> Tags { get; private set; } = [];
    public IReadOnlyList<ModuleManifest> Methodologies => modules.Installed.Where(m => m.Kind == ModuleKind.Methodology).ToList();
    public bool CanCreate => access.CanCreate;
    public bool IsBoard => View == "board";

    public string MethodologyName(string id) => modules.Installed.FirstOrDefault(m => m.Id == id)?.Name ?? id;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Owners = await lookups.OwnersAsync(ct);
        Tags = await lookups.TagsAsync(ct);
        if (IsBoard)
        {
            var columns = new List<(LifecyclePhase, ProjectPage)>();
            foreach (var phase in Enum.GetValues<LifecyclePhase>().Where(p => Phase is null || p == Phase))
                columns.Add((phase, await projects.QueryAsync(Query() with { Phase = phase, Page = 1, PageSize = BoardColumnSize }, ct)));
            Board = columns;
        }
        else
        {
            Result = await projects.QueryAsync(Query(), ct);
        }
    }

    /// <summary>The whole filtered portfolio (every page) as CSV.</summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var all = new List<Project>();
        for (var page = 1; ; page++)
        {
            var chunk = await projects.QueryAsync(Query() with { Page = page, PageSize = ProjectQuery.MaxPageSize }, ct);
            all.AddRange(chunk.Items);
            if (page >= chunk.PageCount) break;
        }
        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(PortfolioCsv.Write(all))).ToArray(),
            "text/csv; charset=utf-8", $"portfolio-{DateTime.UtcNow:yyyy-MM-dd}.csv");
    }

    public ProjectQuery Query() => new()
    {
        Text = Q, Phase = Phase, Methodology = Methodology, OwnerPersonId = Owner, Tag = Tag, IncludeArchived = Archived,
        Sort = Sort, Descending = Desc, Page = PageNumber, PageSize = PageSize,
    };

    /// <summary>The current filters as route values, with some replaced (for sort links, paging, view switch).</summary>
    public RouteValueDictionary RouteWith(params (string Key, object? Value)[] changes)
    {
        var values = new Dictionary<string, object?>
        {
            ["q"] = Q, ["phase"] = Phase, ["methodology"] = Methodology, ["owner"] = Owner, ["tag"] = Tag,
            ["archived"] = Archived ? true : null, ["sort"] = Sort == ProjectSort.Name ? null : Sort, ["desc"] = Desc ? true : null,
            ["p"] = PageNumber == 1 ? null : PageNumber, ["view"] = View == "list" ? null : View,
        };
        foreach (var (key, value) in changes) values[key] = value;
        return new RouteValueDictionary(values.Where(v => v.Value is not null && v.Value.ToString() != "")
            .ToDictionary(v => v.Key, v => (object?)(v.Value is bool b ? (b ? "true" : "false") : v.Value!.ToString())));
    }

    public string SortLink(ProjectSort sort) =>
        Url.Page("/Projects/Index", RouteWith(("sort", sort == ProjectSort.Name ? null : sort), ("desc", Sort == sort && !Desc ? true : null), ("p", null)))!;

    public string? AriaSort(ProjectSort sort) => Sort != sort ? null : Desc ? "descending" : "ascending";
}
