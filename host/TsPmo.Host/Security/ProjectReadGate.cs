using System.Globalization;
using TsPmo.Sdk.Ports.Directory;

namespace TsPmo.Host.Security;

/// <summary>
/// Makes a project the user may not read answer 404 on every page and API endpoint addressed by it — the host's,
/// every module's and every plugin's — before any handler runs: an endpoint whose route names the project
/// (<c>/Projects/{id}/…</c>, <c>/api/v1/projects/{id}/…</c>, or any route with <c>{projectId}</c>) is checked through
/// <see cref="IProjectPermissions"/>. Handlers still demand the right to write; this only closes reading, so a new
/// page cannot forget it. A 404, not a 403, so ids of private projects cannot be probed.
/// </summary>
public sealed class ProjectReadGate(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, IProjectPermissions permissions)
    {
        if (context.User.Identity?.IsAuthenticated == true && ProjectIdOf(context) is { } projectId &&
            !await permissions.CanReadAsync(projectId, context.RequestAborted))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            if (context.Request.Path.StartsWithSegments("/api"))
                await Results.Problem(statusCode: 404, title: "Not found.", detail: $"Project {projectId} was not found.").ExecuteAsync(context);
            return;
        }
        await next(context);
    }

    /// <summary>The project an endpoint is addressed by, from its route pattern, or null.</summary>
    public static long? ProjectIdOf(HttpContext context)
    {
        if (context.GetEndpoint() is not RouteEndpoint endpoint) return null;
        var values = context.Request.RouteValues;
        if (Parse(values["projectId"]) is { } projectId) return projectId;
        return NamesProjectById(endpoint.RoutePattern.RawText) ? Parse(values["id"]) : null;
    }

    /// <summary>True for route templates whose <c>{id}</c> is a project: <c>/Projects/{id…}</c> and <c>/api/v1/projects/{id…}</c>.</summary>
    public static bool NamesProjectById(string? template)
    {
        if (template is null) return false;
        var t = template.TrimStart('/');
        return t.StartsWith("Projects/{id", StringComparison.OrdinalIgnoreCase)
            || t.StartsWith("api/v1/projects/{id", StringComparison.OrdinalIgnoreCase);
    }

    private static long? Parse(object? value) =>
        value is not null && long.TryParse(Convert.ToString(value, CultureInfo.InvariantCulture), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
}
