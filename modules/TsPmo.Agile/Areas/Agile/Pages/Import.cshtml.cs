using TsPmo.Sdk.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using TsPmo.Agile.Board;
using TsPmo.Agile.Flow;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Ports.Directory;
using TsPmo.Sdk.Web;

namespace TsPmo.Agile.Areas.Agile.Pages;

/// <summary>Imports card history from a CSV file or pasted text; any bad row refuses the whole file, with every row's error.</summary>
public sealed class ImportModel(BoardService board, IProjectPermissions permissions, FlowService flow) : AgilePageModel(board, permissions)
{
    [BindProperty] public string? Csv { get; set; }
    [BindProperty] public IFormFile? Upload { get; set; }

    public IReadOnlyList<string> Errors { get; private set; } = [];

    [ProjectPermission(AgileModule.ManageBoard)]

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        await LoadProjectAsync(id, "Import", ct);
        return CanManage ? Page() : Forbid();
    }

    [ProjectPermission(AgileModule.ManageBoard)]

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        await LoadProjectAsync(id, "Import", ct);
        if (!CanManage) return Forbid();
        var text = Csv;
        if (Upload is { Length: > 0 })
        {
            if (Upload.Length > 5_000_000) { Errors = ["The file is larger than 5 MB."]; return Page(); }
            using var reader = new StreamReader(Upload.OpenReadStream());
            text = await reader.ReadToEndAsync(ct);
        }
        if (string.IsNullOrWhiteSpace(text)) { Errors = ["Choose a CSV file or paste its text."]; return Page(); }
        try
        {
            var result = await flow.ImportAsync(id, text, ct);
            TempData.Success($"Imported {result.Imported} card(s): {result.Done} done, {result.InProgress} in progress.");
            return Redirect($"/Projects/{id}/Agile/Board");
        }
        catch (DomainValidationException ex)
        {
            Errors = ex.Errors.SelectMany(e => e.Value).ToList();
            return Page();
        }
    }
}
