using TsPmo.Sdk.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Ports.Directory;
using TsPmo.Sdk.Web;
using TsPmo.Agile.Engine;
using TsPmo.Agile.Services;

namespace TsPmo.Agile.Areas.Agile.Pages;

/// <summary>Imports card history from a CSV file or pasted text; any bad row refuses the whole file, with every row's error.</summary>
public sealed class ImportModel(FlowService flow) : ProjectPageModel
{
    protected override string? MethodologyId => AgileModule.Id;
    protected override string WorkPermission => AgileModule.EditCards;
    protected override string ManagePermission => AgileModule.ManageBoard;

    [BindProperty] public string? Csv { get; set; }
    [BindProperty] public IFormFile? Upload { get; set; }

    public IReadOnlyList<string> Errors { get; private set; } = [];

    [ProjectPermission(AgileModule.ManageBoard)]
    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        await LoadProjectAsync(id, "Import", ct);
        return Page();
    }

    [ProjectPermission(AgileModule.ManageBoard)]
    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        await LoadProjectAsync(id, "Import", ct);
        var text = Csv;
        if (Upload is { Length: > 0 })
        {
            if (Upload.Length > CardCsvParser.MaxBytes) { Errors = [CardCsvParser.TooLarge]; return Page(); }
            try
            {
                await using var body = await BoundedBody.ReadAsync(Upload.OpenReadStream(), CardCsvParser.MaxBytes, "file", CardCsvParser.TooLarge, ct);
                using var reader = new StreamReader(body);
                text = await reader.ReadToEndAsync(ct);
            }
            catch (DomainValidationException ex) { Errors = ex.Errors.SelectMany(e => e.Value).ToList(); return Page(); }
        }
        if (string.IsNullOrWhiteSpace(text)) { Errors = ["Choose a CSV file or paste its text."]; return Page(); }
        try
        {
            var result = await flow.ImportAsync(id, text, ct);
            TempData.Success($"Imported {result.Imported} card(s): {result.Done} done, {result.InProgress} in progress.");
            return RedirectToPage("/Board", new { area = "Agile", id });
        }
        catch (DomainValidationException ex)
        {
            // Every refused row is listed: the import is all or nothing.
            Errors = ex.Errors.SelectMany(e => e.Value).ToList();
            return Page();
        }
    }
}
