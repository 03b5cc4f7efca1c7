using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Security;

namespace TsPmo.Host.Pages;

/// <summary>
/// Where a page request's exception lands. The refusals every page can meet — not allowed (403), not found or not
/// readable (404), a stale edit (409), a rule broken (409), bad input that escaped its form (400) — are answered with
/// their status and their message, never as a server error; anything else is a 500 with a reference to quote.
/// htmx requests get the message in <c>X-TsPmo-Message</c> so the page can show it without swapping.
/// </summary>
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public string RequestId { get; private set; } = "";
    public string Title { get; private set; } = "Something went wrong";
    public string? Message { get; private set; }

    public void OnGet() => Describe();

    public void OnPost() => Describe();

    private void Describe()
    {
        RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        var error = HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error;
        (int Status, string Title)? known = error switch
        {
            AccessDeniedException => (403, "Not allowed"),
            NotFoundException => (404, "Not found"),
            ConcurrencyConflictException => (409, "Someone else changed this"),
            RuleViolationException or TsPmo.Core.Projects.LifecycleRefusedException or TsPmo.Core.Modules.ModuleRuleException => (409, "Not allowed right now"),
            DomainValidationException => (400, "Some fields are not valid"),
            BadHttpRequestException b => (b.StatusCode, "Bad request"),
            _ => null,
        };
        if (known is not { } k) return;
        Response.StatusCode = k.Status;
        Title = k.Title;
        Message = error!.Message;
        // Header values must be ASCII-safe; the message is ours, not user text, but may quote a name.
        Response.Headers["X-TsPmo-Message"] = Uri.EscapeDataString(Message);
    }
}
