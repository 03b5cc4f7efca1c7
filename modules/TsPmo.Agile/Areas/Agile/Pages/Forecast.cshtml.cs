using TsPmo.Sdk.Security;
using Microsoft.AspNetCore.Mvc;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Ports.Directory;
using TsPmo.Sdk.Web;
using TsPmo.Agile.Data;
using TsPmo.Agile.Domain;
using TsPmo.Agile.Engine;
using TsPmo.Agile.Services;

namespace TsPmo.Agile.Areas.Agile.Pages;

/// <summary>
/// Monte Carlo forecasts from the team's weekly throughput: when N items will be done, and how many will be
/// done by a date, each at 50/85/95 % confidence; plus the trials and history window they use.
/// </summary>
public sealed class ForecastModel(BoardService board, IProjectPermissions permissions, FlowService flow) : AgilePageModel(board, permissions)
{
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
        try
        {
            await flow.SaveSettingsAsync(id, Settings, ct);
            TempData.Success("Forecast settings saved.");
            return Redirect($"/Projects/{id}/Agile/Forecast");
        }
        catch (DomainValidationException ex)
        {
            ModelState.AddDomainErrors(ex, "Settings");
            (When, Remaining, Samples) = await flow.WhenAsync(id, null, ct);
            return Page();
        }
        catch (ConcurrencyConflictException ex)
        {
            // The typed values stay in the form; the current version lets a second save deliberately replace the other change.
            ModelState.AddModelError("Settings", ex.Message);
            Settings = Settings with { Version = (await flow.SettingsAsync(id, ct)).Version };
            (When, Remaining, Samples) = await flow.WhenAsync(id, null, ct);
            return Page();
        }
    }
}
