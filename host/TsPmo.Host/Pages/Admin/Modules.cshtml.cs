using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TsPmo.Core.Modules;
using TsPmo.Host.Shell.Navigation;
using TsPmo.Sdk.Web;
using TsPmo.Host.Shell.Plugins;
using TsPmo.Host.Shell.Security;
using TsPmo.Sdk.Modules;

namespace TsPmo.Host.Pages.Admin;

[Authorize(Policy = CorePermissions.ManageModules)]
public sealed class ModulesModel(ModuleRegistry registry, ModuleCatalog catalog, ModuleAdministration admin, IConfiguration configuration) : PageModel
{
    public sealed record Row(string Id, string Name, string Description, string Version, ModuleKind Kind, IReadOnlyList<string> DependsOn, ModuleStatus Status, string? Error, bool HasSettings, bool SwitchedOn)
    {
        public IReadOnlyList<ModuleProblem> Problems { get; init; } = [];
        public IReadOnlyList<RecurringJobStatus> Jobs { get; init; } = [];
    }

    public IReadOnlyList<Row> Modules { get; private set; } = [];

    public string PluginsPath => (configuration.GetSection("Plugins").Get<PluginOptions>() ?? new PluginOptions()).ResolvePath();

    public void OnGet() =>
        Modules = registry.Modules.Select(m => new Row(m.Id, m.Manifest.Name, m.Manifest.Description, m.Manifest.Version.ToString(),
            m.Manifest.Kind, m.Manifest.DependsOn, catalog.Status(m.Id) ?? ModuleStatus.Faulted, m.Fault, m.Declaration.Settings.Count > 0, catalog.IsSwitchedOn(m.Id))
            { Problems = m.Problems, Jobs = m.Jobs }).ToList();

    public Task<IActionResult> OnPostEnableAsync(string id, CancellationToken ct) => ToggleAsync(id, true, ct);

    public Task<IActionResult> OnPostDisableAsync(string id, CancellationToken ct) => ToggleAsync(id, false, ct);

    private async Task<IActionResult> ToggleAsync(string id, bool enable, CancellationToken ct)
    {
        if (registry.Find(id) is not { } module) return NotFound();
        try
        {
            if (enable) await admin.EnableAsync(id, ct); else await admin.DisableAsync(id, ct);
            TempData.Success($"{module.Manifest.Name} is {(enable ? "enabled" : "disabled")}.");
        }
        catch (ModuleRuleException ex)
        {
            TempData.Error(ex.Message);
        }
        return RedirectToPage();
    }
}
