using Microsoft.AspNetCore.Mvc;
using TsPmo.Risk.Domain;
using TsPmo.Risk.Services;
using TsPmo.Sdk.Ports.Directory;
using TsPmo.Sdk.Security;
using TsPmo.Sdk.Web;

namespace TsPmo.Risk.Areas.Risk.Pages;

/// <summary>
/// A project's risk register: inherent and residual heat maps side by side (a cell filters the register to its
/// risks), the early warnings, the register and the add-risk form.
/// </summary>
public sealed class RegisterModel(RiskService risks, IPeopleDirectory people, HeatMapService maps, EarlyWarningService warnings, RiskMatrixService matrices)
    : ProjectPageModel
{
    private long _id;

    protected override string WorkPermission => RiskModule.EditRaid;

    [BindProperty] public RiskInput Input { get; set; } = new();

    [FromQuery(Name = "p")] public int? CellProbability { get; set; }
    [FromQuery(Name = "i")] public int? CellImpact { get; set; }
    [FromQuery(Name = "residual")] public bool CellResidual { get; set; }

    public IReadOnlyList<PersonInfo> People { get; private set; } = [];
    public IReadOnlyList<RiskEntry> Register { get; private set; } = [];
    public HeatMapView Inherent { get; private set; } = null!;
    public HeatMapView Residual { get; private set; } = null!;
    public IReadOnlyList<EarlyWarning> Warnings { get; private set; } = [];
    public bool Filtered => CellProbability is >= 1 and <= 5 && CellImpact is >= 1 and <= 5;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        return Page();
    }

    [ProjectPermission(RiskModule.EditRaid)]
    public async Task<IActionResult> OnPostAddAsync(long id, CancellationToken ct)
    {
        _id = id;
        var risk = await risks.CreateAsync(id, Input, ct);
        TempData.Success($"\"{risk.Title}\" is recorded: score {risk.Score}, {risk.Level}.");
        return RedirectToPage("/Register", new { area = "Risk", id });
    }

    protected override Task ReloadAsync(CancellationToken ct) => LoadAsync(_id, ct);

    private async Task LoadAsync(long id, CancellationToken ct)
    {
        await LoadProjectAsync(id, "Risks", ct);
        People = await people.ListAsync(ct);
        var matrix = await matrices.GetAsync(ct);
        Register = Filtered
            ? (await risks.SearchAsync(new RiskQuery
            {
                ProjectId = id, Probability = CellProbability, Impact = CellImpact, Residual = CellResidual, LiveOnly = true, PageSize = RiskService.MaxPageSize,
            }, ct)).Items
            : await risks.ListAsync(id, ct);
        (int, int)? selected = Filtered ? (CellProbability!.Value, CellImpact!.Value) : null;
        Inherent = new HeatMapView("heatmap-inherent", "Inherent risk", await maps.GetAsync(id, false, ct), matrix,
            (p, i) => Url.Page("/Register", null, new { area = "Risk", id, p, i }, null, null, "register")!) { Selected = CellResidual ? null : selected };
        Residual = new HeatMapView("heatmap-residual", "Residual risk (inherent where not assessed)", await maps.GetAsync(id, true, ct), matrix,
            (p, i) => Url.Page("/Register", null, new { area = "Risk", id, p, i, residual = "true" }, null, null, "register")!) { Selected = CellResidual ? selected : null };
        Warnings = await warnings.GetAsync(id, ct);
    }
}
