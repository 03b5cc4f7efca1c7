using System.Globalization;
using TsPmo.Sdk.Ports.Directory;
using TsPmo.Sdk.Security;

namespace TsPmo.Host.Shell.Security;

/// <summary>
/// Checks every endpoint addressed by a project — the host's, every module's and every plugin's — before any handler,
/// binding or validation runs: an endpoint whose route names the project (<c>/Projects/{id}/…</c>,
/// <c>/api/v1/projects/{id}/…</c>, or any route with <c>{projectId}</c>) answers 404 when the caller may not read the
/// project (so ids of Private projects cannot be probed), and 403 when an API write needs a right the caller lacks:
/// the permission the endpoint declares (<see cref="ProjectPermissionAttribute"/>), or by default a Member's right to
/// work on the project. Razor Page handlers are checked by <see cref="ProjectPermissionPageFilter"/> once the handler is
/// known. Handlers still demand their permission themselves; this makes the refusal early, uniform and impossible to forget.
/// </summary>
public sealed class ProjectReadGate(RequestDelegate next)
{
    /// <summary>The permission a write needs when its endpoint declares none: a Member's, since a reader never writes.</summary>
    public const string DefaultWritePermission = "core.project.work";

    public async Task InvokeAsync(HttpContext context, IProjectPermissions permissions)
    {
        if (context.User.Identity?.IsAuthenticated == true && ProjectIdOf(context) is { } projectId)
        {
            var level = await permissions.LevelAsync(projectId, context.RequestAborted);
            if (level == ProjectAccessLevel.None)
            {
                await RefuseAsync(context, StatusCodes.Status404NotFound, "Not found.", $"Project {projectId} was not found.");
                return;
            }
            if (IsApi(context) && RequiredPermission(context) is { } permission &&
                !await permissions.CanAsync(projectId, permission, context.RequestAborted))
            {
                await RefuseAsync(context, StatusCodes.Status403Forbidden, "Not allowed.",
                    "Your role on this project does not allow this change. Ask one of the project's managers.");
                return;
            }
        }
        await next(context);
    }

    /// <summary>The permission an API request needs: the endpoint's declaration, else a Member's for a write, else none.</summary>
    public static string? RequiredPermission(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<ProjectPermissionAttribute>()?.PermissionId
        ?? (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) || HttpMethods.IsOptions(context.Request.Method)
            ? null : DefaultWritePermission);

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

    private static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");

    private static async Task RefuseAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        if (IsApi(context)) await Results.Problem(statusCode: status, title: title, detail: detail).ExecuteAsync(context);
    }

    private static long? Parse(object? value) =>
        value is not null && long.TryParse(Convert.ToString(value, CultureInfo.InvariantCulture), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
}
