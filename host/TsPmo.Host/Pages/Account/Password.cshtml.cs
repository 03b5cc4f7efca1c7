using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TsPmo.Core.Accounts;
using TsPmo.Host.Shell.Security;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Web;

namespace TsPmo.Host.Pages.Account;

/// <summary>
/// The user changes their own password. Every other session of theirs ends; this one is re-issued with the new
/// security stamp so the user stays signed in here.
/// </summary>
[CredentialEndpoint]
public sealed class PasswordModel(AccountService accounts, AccountPolicy policy) : PageModel
{
    [BindProperty]
    public PasswordInput Input { get; set; } = new();

    public int MinimumPasswordLength => policy.MinimumPasswordLength;

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (CredentialRateLimiting.RejectionMessage(HttpContext) is { } wait)
        {
            ModelState.AddModelError("", wait);
            return Page();
        }
        if (Input.NewPassword != Input.ConfirmPassword)
            ModelState.AddModelError("Input.ConfirmPassword", "The two new passwords are not the same.");
        if (!ModelState.IsValid) return Page();
        if (UserPrincipal.UserId(User) is not { } userId) return Challenge();
        try
        {
            var user = await accounts.ChangePasswordAsync(userId, Input.CurrentPassword, Input.NewPassword, ClientAddress.Of(HttpContext), ct);
            await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
                UserPrincipal.Create(user, CookieAuthenticationDefaults.AuthenticationScheme));
            TempData.Success("Your password was changed. Your other sessions were signed out.");
            return RedirectToPage();
        }
        catch (DomainValidationException ex)
        {
            ModelState.AddDomainErrors(ex);
            return Page();
        }
    }

    public sealed class PasswordInput
    {
        [DataType(DataType.Password)]
        [Display(Name = "Current password")]
        public string CurrentPassword { get; set; } = "";

        [DataType(DataType.Password)]
        [Display(Name = "New password")]
        public string NewPassword { get; set; } = "";

        [DataType(DataType.Password)]
        [Display(Name = "Repeat the new password")]
        public string ConfirmPassword { get; set; } = "";
    }
}
