namespace TsPmo.Host.Shell.Security;

/// <summary>
/// Headers every response carries. Scripts and styles only from our own origin (every library is vendored): no
/// inline script, no inline style element or style attribute. Chart.js, Bootstrap and SortableJS set styles through
/// the CSS object model, which this policy does not govern; server-rendered widths and indents are classes or SVG
/// attributes instead. A response that sets its own policy keeps it (the printable status report allows its one
/// style sheet by hash and nothing else).
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    public const string Csp =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
        "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers["X-Content-Type-Options"] = "nosniff";
            headers["X-Frame-Options"] = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            if (!context.Request.Path.StartsWithSegments("/openapi") && !headers.ContainsKey("Content-Security-Policy"))
                headers.ContentSecurityPolicy = Csp;
            return Task.CompletedTask;
        });
        return next(context);
    }
}
