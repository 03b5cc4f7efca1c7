using Microsoft.AspNetCore.Http.Features;

namespace TsPmo.Host.Shell.Startup;

/// <summary>
/// Reads a page's form before anything else does, so a post past the body or form limits (a chunked one included)
/// becomes a 413 with the status page's explanation. Left to model binding, the same failure is swallowed into an empty
/// form, and the page would say "choose a file" about a file that was too large.
/// </summary>
public sealed class FormLimitMiddleware(RequestDelegate next, ILogger<FormLimitMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await context.Request.ReadFormAsync(context.RequestAborted);
        }
        catch (Exception ex) when (ex is BadHttpRequestException or InvalidDataException)
        {
            logger.LogInformation("Refused a form post to {Path}: {Message}", context.Request.Path, ex.Message);
            // The status page is re-executed for this request; it must not try to read the broken form again.
            context.Features.Set<IFormFeature>(new FormFeature(FormCollection.Empty));
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }
        await next(context);
    }
}
