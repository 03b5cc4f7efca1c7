using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using TsPmo.Core.Modules;
using TsPmo.Sdk.Data;

namespace TsPmo.Host.Shell.Api;

/// <summary>
/// Turns exceptions on API paths into RFC 7807 problems: bad input 400 with field errors, missing 404,
/// conflicts 409, anything else 500 without internals outside Development. Pages fall through to /Error.
/// </summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problems, IHostEnvironment environment, ILogger<ProblemExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        // By now the middleware has rewritten Request.Path to the /Error page; the feature keeps the original.
        var path = context.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? context.Request.Path.Value;
        if (!new PathString(path).StartsWithSegments("/api")) return false;

        ProblemDetails problem = exception switch
        {
            DomainValidationException v => new HttpValidationProblemDetails(v.Errors.ToDictionary(e => e.Key, e => e.Value))
            {
                Status = 400, Title = "The request has invalid fields.", Detail = v.Message,
            },
            NotFoundException n => new ProblemDetails { Status = 404, Title = "Not found.", Detail = n.Message },
            ConcurrencyConflictException c => new ProblemDetails { Status = 409, Title = "Edit conflict.", Detail = c.Message },
            TsPmo.Sdk.Security.AccessDeniedException d => new ProblemDetails { Status = 403, Title = "Not allowed.", Detail = d.Message },
            TsPmo.Core.Projects.LifecycleRefusedException l => new ProblemDetails
            {
                Status = 409, Title = "The phase change was refused.", Detail = l.Summary, Extensions = { ["reasons"] = l.Reasons },
            },
            RuleViolationException r => new ProblemDetails { Status = 409, Title = "Not allowed right now.", Detail = r.Message },
            ModuleRuleException m => new ProblemDetails { Status = 409, Title = "Not allowed by the module rules.", Detail = m.Message },
            BadHttpRequestException { StatusCode: 413 } b => new ProblemDetails
            {
                Status = 413, Title = "The request is too large.", Detail = b.Message + " See the limits in the admin guide.",
            },
            BadHttpRequestException b => new ProblemDetails { Status = b.StatusCode, Title = "Bad request.", Detail = Unreadable(b) },
            // Bodies an endpoint reads itself (PATCH documents, imports): a number past its type's range, a value of the
            // wrong kind, JSON nested too deep, or a form past its limits is bad input, not a server fault.
            JsonException or FormatException or OverflowException or InvalidDataException => new ProblemDetails
            {
                Status = 400, Title = "Bad request.", Detail = "A value in the request cannot be read: " + exception.Message,
            },
            _ => new ProblemDetails
            {
                Status = 500,
                Title = "An unexpected error occurred.",
                Detail = environment.IsDevelopment() ? exception.ToString() : "The error was logged; quote the trace id when you report it.",
            },
        };
        if (problem.Status == 500) logger.LogError(exception, "Unhandled exception on {Path}", context.Request.Path);
        context.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>The framework's message names the parameter; the JSON reader's says which value and where (<c>$.points</c>).</summary>
    private static string Unreadable(BadHttpRequestException b) =>
        b.InnerException is JsonException { Message: var inner } ? $"{b.Message} {inner}" : b.Message;
}
