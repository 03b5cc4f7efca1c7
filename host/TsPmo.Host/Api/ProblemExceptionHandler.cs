using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using TsPmo.Core.Modules;
using TsPmo.Sdk.Data;

namespace TsPmo.Host.Api;

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
            BadHttpRequestException b => new ProblemDetails { Status = b.StatusCode, Title = "Bad request.", Detail = b.Message },
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
}
