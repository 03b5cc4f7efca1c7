using TsPmo.Sdk.Security;
using Microsoft.AspNetCore.Mvc;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Ports.Directory;
using TsPmo.Sdk.Web;
using TsPmo.Agile.Domain;
using TsPmo.Agile.Services;

namespace TsPmo.Agile.Areas.Agile.Pages;

/// <summary>
/// Monte Carlo forecasts from the team's weekly throughput: when N items will be done, and how many will be
/// done by a date, each at 50/85/95 % confidence; plus the trials and history window they use.
/// </summary>
public sealed class ForecastModel(FlowService flow) : ProjectPageModel
{
    protected override string? MethodologyId => AgileModule.Id;
    protected override string WorkPermission => AgileModule.EditCards;
    protected override string ManagePermission => AgileModule.ManageBoard;
    protected override string InputPrefix => nameof(Settings);

    [BindProperty(SupportsGet = true)] public int? Items { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? By { get; set; }
    [BindProperty] public FlowService.FlowSettings Settings { get; set; } = new(10_000, 26);

    public DateForecast? When { get; private set; }
    public int Remaining { get; private set; }
    public CountForecast? HowMany { get; private set; }
    public IReadOnlyList<int> Samples { get; private set; } = [];
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        await LoadProjectAsync(id, "Forecast", ct);
        Settings = await flow.SettingsAsync(id, ct);
        // A GET's query (items, date) refused: its message shows above the forecast.
        try
        {
            (When, Remaining, Samples) = await flow.WhenAsync(id, Items, ct);
            if (By is { } by) (HowMany, _) = await flow.HowManyAsync(id, by, ct);
        }
        catch (DomainValidationException ex)
        {
            ModelState.AddDomainErrors(ex, prefix: "");
        }
        if (Samples.Count > 0 && Samples.All(s => s == 0)) Message = "No card was finished in the history window, so there is nothing to forecast from yet.";
        return Page();
    }

    [ProjectPermission(AgileModule.ManageBoard)]
    public async Task<IActionResult> OnPostSettingsAsync(long id, CancellationToken ct)
    {
        await LoadProjectAsync(id, "Forecast", ct);
        await flow.SaveSettingsAsync(id, Settings, ct);
        TempData.Success("Forecast settings saved.");
        return RedirectToPage("/Forecast", new { area = "Agile", id });
    }

    /// <summary>
    /// Before refused settings are shown again: the forecast as it is now. After a conflict (a page-level message) the
    /// current version lets a second save deliberately replace the other change; the typed values stay in the form.
    /// </summary>
    protected override async Task ReloadAsync(CancellationToken ct)
    {
        if (ModelState.TryGetValue("", out var page) && page.Errors.Count > 0)
            Settings = Settings with { Version = (await flow.SettingsAsync(Project.Id, ct)).Version };
        (When, Remaining, Samples) = await flow.WhenAsync(Project.Id, null, ct);
    }
}
