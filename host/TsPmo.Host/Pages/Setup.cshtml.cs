using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TsPmo.Core.Accounts;
using TsPmo.Host.Shell.Navigation;
using TsPmo.Sdk.Web;
using TsPmo.Host.Shell.Security;
using TsPmo.Sdk.Data;

namespace TsPmo.Host.Pages;

/// <summary>First-run setup: creates the first administrator, then answers 404 for good.</summary>
[CredentialEndpoint]
public sealed class SetupModel(UserStore users, AccountService accounts, AccountPolicy policy) : PageModel
{
    [BindProperty]
    public SetupInput Input { get; set; } = new();

    public int MinimumPasswordLength => policy.MinimumPasswordLength;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await users.AnyAdminAsync(ct) ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await users.AnyAdminAsync(ct)) return NotFound();
        if (CredentialRateLimiting.RejectionMessage(HttpContext) is { } wait)
        {
            ModelState.AddModelError("", wait);
            return Page();
        }
        if (Input.Password != Input.ConfirmPassword)
            ModelState.AddModelError("Input.ConfirmPassword", "The two passwords are not the same.");
        if (!ModelState.IsValid) return Page();
        try
        {
            var admin = await accounts.CreateFirstAdminAsync(Input.Email, Input.DisplayName, Input.Password, ct);
            await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
                UserPrincipal.Create(admin, CookieAuthenticationDefaults.AuthenticationScheme));
            TempData.Success("Welcome! You are the administrator. Switch on the modules your organization needs.");
            return Redirect("/Admin/Modules");
        }
        catch (DomainValidationException ex)
        {
            ModelState.AddDomainErrors(ex);
            return Page();
        }
    }

    public sealed class SetupInput
    {
        [Display(Name = "Your name")]
        public string DisplayName { get; set; } = "";

        public string Email { get; set; } = "";

        [DataType(DataType.Password)]
        public string Password { get; set; } = "";

        [DataType(DataType.Password)]
        [Display(Name = "Repeat the password")]
        public string ConfirmPassword { get; set; } = "";
    }
}
