using System.Reflection;
using Microsoft.AspNetCore.Mvc.Filters;
using TsPmo.Sdk.Ports.Directory;
using TsPmo.Sdk.Security;

namespace TsPmo.Host.Shell.Security;

/// <summary>
/// The page half of <see cref="ProjectReadGate"/>: once Razor Pages has chosen the handler of a page addressed by a
/// project, its declared <see cref="ProjectPermissionAttribute"/> (or, for a POST handler without one, a Member's right
/// to work on the project) is demanded before the handler runs, so the refusal is a 403 page with its reason however
/// the handler itself deals with errors.
/// </summary>
public sealed class ProjectPermissionPageFilter(IProjectPermissions permissions) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var http = context.HttpContext;
        if (http.User.Identity?.IsAuthenticated == true && context.HandlerMethod is { } handler && ProjectReadGate.ProjectIdOf(http) is { } projectId)
        {
            var permission = handler.MethodInfo.GetCustomAttribute<ProjectPermissionAttribute>()?.PermissionId
                ?? (string.Equals(handler.HttpMethod, "Get", StringComparison.OrdinalIgnoreCase) ? null : ProjectReadGate.DefaultWritePermission);
            if (permission is not null) await permissions.DemandAsync(projectId, permission, http.RequestAborted);
        }
        await next();
    }
}
