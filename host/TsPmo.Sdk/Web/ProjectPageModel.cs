using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Ports.Directory;

namespace TsPmo.Sdk.Web;

/// <summary>
/// The base of every page about one project, in every module: it loads the route's project (a 404 page when it is
/// missing or not readable; with <see cref="MethodologyId"/>, a 404 naming the project's methodology when it uses
/// another), the caller's rights on it, the tab bar and the breadcrumbs. A POST handler's refused input — a
/// validation error, a stale edit, a broken rule — comes back as this page with the messages next to the fields and
/// the user's input kept (after <see cref="ReloadAsync"/>); not allowed and not found go to the host's 403 and 404
/// pages. Handlers therefore call their service and redirect, with no try/catch.
/// </summary>
public abstract class ProjectPageModel : PageModel
{
    public ProjectInfo Project { get; private set; } = null!;

    /// <summary>May the caller work here (<see cref="WorkPermission"/>: create and update work items)?</summary>
    public bool CanEdit { get; private set; }

    /// <summary>May the caller manage the project here (<see cref="ManagePermission"/>: plans, settings)?</summary>
    public bool CanManage { get; private set; }

    /// <summary>The methodology whose projects this page is for; null for a capability's page, which every project has.</summary>
    protected virtual string? MethodologyId => null;

    /// <summary>The project permission behind <see cref="CanEdit"/>; the module's Member-level permission.</summary>
    protected virtual string WorkPermission => "core.project.work";

    /// <summary>The project permission behind <see cref="CanManage"/>; the module's Manager-level permission.</summary>
    protected virtual string ManagePermission => "core.project.manage";

    /// <summary>The name of the bound model whose fields validation messages go next to.</summary>
    protected virtual string InputPrefix => "Input";

    /// <summary>
    /// Loads the project <paramref name="id"/> and the caller's rights, titles the page "<c>CODE section</c>", and
    /// sets the tab bar and the breadcrumbs Home › Portfolio › project › <paramref name="between"/> › section.
    /// </summary>
    protected async Task<ProjectInfo> LoadProjectAsync(long id, string section, CancellationToken ct, params Breadcrumb[] between)
    {
        var services = HttpContext.RequestServices;
        var permissions = services.GetRequiredService<IProjectPermissions>();
        Project = await services.GetRequiredService<IProjectDirectory>().RequireAsync(id, MethodologyId, ct);
        CanEdit = await permissions.CanAsync(id, WorkPermission, ct);
        CanManage = await permissions.CanAsync(id, ManagePermission, ct);
        ViewData["Title"] = $"{Project.Code} {section}";
        ViewData["Breadcrumbs"] = new[] { new Breadcrumb("Home", CoreLinks.Home), new Breadcrumb("Portfolio", CoreLinks.Portfolio), new Breadcrumb(Project.Name, CoreLinks.Project(id)) }
            .Concat(between).Append(new Breadcrumb(section)).ToArray();
        ViewData[ProjectTabs.Key] = new ProjectTabs(id, Project.Name, Project.MethodologyId);
        return Project;
    }

    /// <summary>
    /// Loads what the page shows besides the bound input, before it is shown again with a refused input's messages
    /// (a POST handler may fail before it loaded anything). Pages with forms override it, usually with their GET's loading.
    /// </summary>
    protected virtual Task ReloadAsync(CancellationToken ct) => Task.CompletedTask;

    // Not a page handler: without [NonHandler] Razor Pages lists this override as a handler (verb "Page", name "HandlerExecution").
    [NonHandler]
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Exception is not { } error || executed.ExceptionHandled) return;
        if (string.Equals(context.HandlerMethod?.HttpMethod, "Get", StringComparison.OrdinalIgnoreCase)) return;
        // An htmx request swaps a fragment: the host's error handler answers it with the status and a message header instead.
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
        await ReloadAsync(HttpContext.RequestAborted);
        executed.Result = Page();
        executed.ExceptionHandled = true;
    }
}
