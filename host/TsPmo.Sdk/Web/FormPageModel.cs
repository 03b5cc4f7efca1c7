using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TsPmo.Sdk.Data;

namespace TsPmo.Sdk.Web;

/// <summary>
/// The base of every page with a form. A POST handler's refused input — a validation error, a stale edit, a broken
/// rule — comes back as the page with the messages next to the fields (or at the top) and the user's input kept,
/// after <see cref="ReloadAsync"/> has loaded what the page shows besides the form; not allowed and not found go on to
/// the host's 403 and 404 pages. Handlers therefore call their service and redirect, with no try/catch. An htmx request
/// swaps a fragment rather than a page, so its refusal goes to the host's error handler, which answers with the status
/// and a message the page shows.
/// </summary>
public abstract class FormPageModel : PageModel
{
    /// <summary>The name of the bound model whose fields validation messages go next to.</summary>
    protected virtual string InputPrefix => "Input";

    /// <summary>
    /// Loads what the page shows besides the bound input, before it is shown again with a refused input's messages
    /// (a POST handler may fail before it loaded anything). Pages with forms override it, usually with their GET's loading.
    /// </summary>
    protected virtual Task ReloadAsync(CancellationToken ct) => Task.CompletedTask;

    /// <summary>
    /// What refused the input, while <see cref="ReloadAsync"/> runs; null otherwise. A form that carries a version
    /// checks <see cref="RefusedAsStale"/> to put the stored version in its hidden field, so that the next save, made
    /// knowingly over the other person's change, is accepted.
    /// </summary>
    protected Exception? Refusal { get; private set; }

    /// <summary>True while reloading after a stale edit (someone else saved in between).</summary>
    protected bool RefusedAsStale => Refusal is ConcurrencyConflictException;

    // Without [NonHandler] Razor Pages would also expose this override as a page handler (verb "PAGE").
    [NonHandler]
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Exception is not { } error || executed.ExceptionHandled) return;
        if (string.Equals(context.HandlerMethod?.HttpMethod, "Get", StringComparison.OrdinalIgnoreCase)) return;
        if (Request.Headers.ContainsKey("HX-Request")) return;
        switch (error)
        {
            case DomainValidationException invalid:
                ModelState.AddDomainErrors(invalid, InputPrefix);
                break;
            case ConcurrencyConflictException or RuleViolationException:
                ModelState.AddModelError("", error.Message);
                break;
            default:
                return;
        }
        Refusal = error;
        await ReloadAsync(HttpContext.RequestAborted);
        executed.Result = Page();
        executed.ExceptionHandled = true;
    }
}
