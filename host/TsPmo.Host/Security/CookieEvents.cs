using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using TsPmo.Core.Accounts;

namespace TsPmo.Host.Security;

/// <summary>
/// Re-checks the account behind a cookie on every request (one primary-key lookup): a deactivated user is
/// signed out at once and a role change applies at once. API paths get 401/403 instead of a redirect.
/// </summary>
public sealed class CookieEvents(UserStore users) : CookieAuthenticationEvents
{
    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var id = context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        var user = long.TryParse(id, out var userId) ? await users.FindAsync(userId, context.HttpContext.RequestAborted) : null;
        if (user is null || !user.IsActive)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(context.Scheme.Name);
            return;
        }
        if (context.Principal!.FindFirstValue(UserPrincipal.VersionClaim) != user.Version.ToString())
        {
            context.ReplacePrincipal(UserPrincipal.Create(user, context.Scheme.Name));
            context.ShouldRenew = true;
        }
    }

    public override Task RedirectToLogin(RedirectContext<CookieAuthenticationOptions> context) =>
        IsApi(context.Request) ? Status(context, StatusCodes.Status401Unauthorized) : base.RedirectToLogin(context);

    public override Task RedirectToAccessDenied(RedirectContext<CookieAuthenticationOptions> context) =>
        IsApi(context.Request) ? Status(context, StatusCodes.Status403Forbidden) : base.RedirectToAccessDenied(context);

    private static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api");

    private static Task Status(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }
}
