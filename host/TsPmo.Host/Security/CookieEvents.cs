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

    /// <summary>
    /// A forbidden page request answers 403 where it was made (the status page explains it), not a redirect to a page
    /// of its own: the status is what tests, proxies and the browser's history should see.
    /// </summary>
    public override Task RedirectToAccessDenied(RedirectContext<CookieAuthenticationOptions> context) =>
        Status(context, StatusCodes.Status403Forbidden);

    private static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api");

    private static Task Status(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }
}
