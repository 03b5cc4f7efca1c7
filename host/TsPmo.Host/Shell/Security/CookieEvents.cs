using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using TsPmo.Core.Accounts;

namespace TsPmo.Host.Shell.Security;

/// <summary>
/// Re-checks the account behind a cookie on every request, through a cache of a few seconds that account changes
/// clear: a deactivated user, a password change or a sign-out elsewhere (a new security stamp) ends the session,
/// and a role change applies at once. API paths get 401/403 instead of a redirect.
/// </summary>
public sealed class CookieEvents(AccountSessionCache sessions) : CookieAuthenticationEvents
{
    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var userId = context.Principal is { } p ? UserPrincipal.UserId(p) : null;
        var user = userId is { } id ? await sessions.GetAsync(id, context.HttpContext.RequestAborted) : null;
        // Cookies issued before stamps existed carry none; they match the empty stamp of an untouched account.
        var stamp = context.Principal?.FindFirstValue(UserPrincipal.StampClaim) ?? "";
        if (user is null || !user.IsActive || !string.Equals(stamp, user.SecurityStamp, StringComparison.Ordinal))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(context.Scheme.Name);
            return;
        }
        if (context.Principal!.FindFirstValue(UserPrincipal.VersionClaim) != user.Version.ToString(CultureInfo.InvariantCulture))
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
