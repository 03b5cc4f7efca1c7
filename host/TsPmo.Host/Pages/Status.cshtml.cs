using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace TsPmo.Host.Pages;

/// <summary>The page shown for 404 and other error statuses of page requests.</summary>
[IgnoreAntiforgeryToken]
public sealed class StatusModel(TsPmo.Host.Shell.Startup.RequestLimits limits) : PageModel
{
    public string Title { get; private set; } = "";
    public string Explanation { get; private set; } = "";

    public void OnGet(int code) => Describe(code);

    public void OnPost(int code) => Describe(code);

    private void Describe(int code)
    {
        (Title, Explanation) = code switch
        {
            404 => ("Page not found", "There is nothing at this address, or it belongs to a module that is switched off."),
            403 => ("Not allowed", "Your role does not allow this."),
            413 => ("Too large", $"What you sent is larger than this server accepts ({limits.MaxRequestBodyBytes / 1_000_000.0:0.#} MB a request, "
                + $"{limits.MaxFormFields:N0} fields a form). Nothing was saved: go back and send a smaller file, or split it."),
            400 => ("Bad request", "The request could not be understood. If you submitted a form, reload the page and try again."),
            _ => ($"Error {code}", "The request could not be completed."),
        };
    }
}
