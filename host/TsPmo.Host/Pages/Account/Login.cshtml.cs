using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TsPmo.Core.Accounts;
using TsPmo.Host.Shell.Security;

namespace TsPmo.Host.Pages.Account;

/// <summary>Sign-in; its POSTs are rate limited per client and per account (<see cref="CredentialRateLimiting"/>).</summary>
[CredentialEndpoint]
public sealed class LoginModel(AccountService accounts, UserStore users) : PageModel
{
    [BindProperty]
    public LoginInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await users.AnyAdminAsync(ct) ? Page() : Redirect("/Setup");

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (CredentialRateLimiting.RejectionMessage(HttpContext) is { } wait)
        {
            ModelState.AddModelError("", wait);
            return Page();
        }
        if (!ModelState.IsValid) return Page();
        var result = await accounts.SignInAsync(Input.Email, Input.Password, ClientAddress.Of(HttpContext), ct);
        if (!result.Succeeded)
        {
            ModelState.AddModelError("", AccountSignIn.FailureMessage);
            return Page();
        }
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
            UserPrincipal.Create(result.User!, CookieAuthenticationDefaults.AuthenticationScheme));
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }

    public sealed class LoginInput
    {
        [Required(ErrorMessage = "Enter your email address.")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Enter your password.")]
        [DataType(DataType.Password)]
        public string Password { get; set; } = "";
    }
}
