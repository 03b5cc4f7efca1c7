using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TsPmo.Core.Modules;
using TsPmo.Core.Settings;
using TsPmo.Host.Shell.Navigation;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Web;
using TsPmo.Host.Shell.Security;
using TsPmo.Sdk.Modules;

namespace TsPmo.Host.Pages.Admin;

/// <summary>Edits the settings a module declared. All values are checked before any is saved.</summary>
[Authorize(Policy = CorePermissions.ManageModules)]
public sealed class ModuleSettingsModel(ModuleRegistry registry, ModuleSettings settings) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = "";

    [BindProperty]
    public Dictionary<string, string> Values { get; set; } = [];

    /// <summary>The version of each setting when the form was opened; a save made on an older one is refused.</summary>
    [BindProperty]
    public Dictionary<string, long> Versions { get; set; } = [];

    public string ModuleName { get; private set; } = "";
    public IReadOnlyList<(SettingDefinition Definition, string Value)> Settings { get; private set; } = [];
    private readonly Dictionary<string, string> _errors = [];

    public string? ErrorFor(string key) => _errors.GetValueOrDefault(key);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (NameAndSettings() is not { } module) return NotFound();
        ModuleName = module.Name;
        Settings = await settings.ListAsync(Id, ct);
        Versions = new(await settings.VersionsAsync(Id, ct));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (NameAndSettings() is not { } module) return NotFound();
        foreach (var definition in module.Settings)
        {
            var value = (Values.GetValueOrDefault(definition.Key) ?? "").Trim();
            if (definition.Check(value) is { } error) _errors[definition.Key] = error;
        }
        if (_errors.Count > 0)
        {
            ModuleName = module.Name;
            Settings = module.Settings.Select(d => (d, Values.GetValueOrDefault(d.Key) ?? "")).ToList();
            ModelState.AddModelError("", "Nothing was saved: correct the values marked below.");
            return Page();
        }
        try
        {
            await settings.SetAllAsync(Id, Values, Versions, ct);
        }
        catch (ConcurrencyConflictException ex)
        {
            // The values stay as typed; the current versions let a second save deliberately replace the other change.
            ModuleName = module.Name;
            Settings = module.Settings.Select(d => (d, Values.GetValueOrDefault(d.Key) ?? "")).ToList();
            Versions = new(await settings.VersionsAsync(Id, ct));
            ModelState.AddModelError("", ex.Message);
            return Page();
        }
        TempData.Success($"{module.Name} settings saved.");
        return RedirectToPage(new { id = Id });
    }

    // Core's own settings sit beside the modules' so an administrator finds them in one place.
    private (string Name, IReadOnlyList<SettingDefinition> Settings)? NameAndSettings() =>
        Id == CoreSettings.ModuleId ? ("Core", CoreSettings.Definitions)
        : registry.Find(Id) is { IsFaulted: false } module ? (module.Manifest.Name, module.Declaration.Settings) : null;
}
