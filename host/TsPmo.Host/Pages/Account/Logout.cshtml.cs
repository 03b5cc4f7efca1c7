using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TsPmo.Core.Accounts;
using TsPmo.Host.Shell.Security;

namespace TsPmo.Host.Pages.Account;

/// <summary>
/// Signing out is a POST (with antiforgery), so a link on another site cannot sign anyone out. It ends every
/// session of the user, on every device: a session left open on a shared computer is ended by signing out anywhere.
/// </summary>
public sealed class LogoutModel(AccountService accounts) : PageModel
{
    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (UserPrincipal.UserId(User) is { } userId) await accounts.SignOutEverywhereAsync(userId, ct);
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Redirect("/Account/Login");
    }
}
