using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TsPmo.Core.Accounts;
using TsPmo.Host.Shell.Navigation;
using TsPmo.Sdk.Web;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Security;

namespace TsPmo.Host.Pages.Account;

/// <summary>The signed-in user's personal API tokens: create (secret shown once) and revoke.</summary>
public sealed class TokensModel(ApiTokenService tokens, ICurrentUser user, TimeProvider time) : PageModel
{
    [BindProperty]
    public TokenInput Input { get; set; } = new();

    public IReadOnlyList<ApiToken> Tokens { get; private set; } = [];
    public string? NewSecret { get; private set; }
    public DateTimeOffset Now => time.GetUtcNow();

    public async Task OnGetAsync(CancellationToken ct) => Tokens = await tokens.ListAsync(user.UserId!.Value, ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            try
            {
                var (token, secret) = await tokens.CreateAsync(user.UserId!.Value, Input.Name, Input.ValidDays, ct);
                NewSecret = secret;
                Input = new TokenInput();
                ModelState.Clear();
            }
            catch (DomainValidationException ex)
            {
                ModelState.AddDomainErrors(ex);
            }
        }
        await OnGetAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(long id, CancellationToken ct)
    {
        try
        {
            await tokens.RevokeAsync(user.UserId!.Value, id, ct);
            TempData.Success("The token was revoked. Anything using it is refused from now on.");
        }
        catch (NotFoundException)
        {
            TempData.Error("That token does not exist.");
        }
        return RedirectToPage();
    }

    public sealed class TokenInput
    {
        public string? Name { get; set; }

        [System.ComponentModel.DataAnnotations.Display(Name = "Valid for (days)")]
        public int? ValidDays { get; set; }
    }
}
