using TsPmo.Core.Modules;
using TsPmo.Host.Shell.Api;
using TsPmo.Host.Kernel.Projects;
using TsPmo.Host.Kernel.People;
using TsPmo.Host.Kernel.Documents;
using TsPmo.Host.Shell.Plugins;
using TsPmo.Host.Shell.Security;

namespace TsPmo.Host.Shell.Startup;

/// <summary>The request pipeline and the endpoints of the host and its modules.</summary>
public static class TsPmoPipeline
{
    public static void UseTsPmo(this WebApplication app, ModuleRegistry registry)
    {
        // First, so the rate limiter, the lockout and the secure-cookie decision see the client's real address and scheme.
        app.UseTransportSecurity();
        var activity = app.Services.GetRequiredService<HostActivity>();
        app.Use((context, next) => { activity.Touch(); return next(context); });
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseExceptionHandler("/Error");
        // API paths answer errors as problem details; pages get a friendly page for 404 and the like.
        app.UseWhen(c => IsApi(c.Request.Path), api => api.UseStatusCodePages());
        app.UseWhen(c => !IsApi(c.Request.Path), pages => pages.UseStatusCodePagesWithReExecute("/Status", "?code={0}"));
        app.UseWhen(c => !IsApi(c.Request.Path) && HttpMethods.IsPost(c.Request.Method) && c.Request.HasFormContentType,
            forms => forms.UseMiddleware<FormLimitMiddleware>());

        app.UseStaticFiles();
        app.UseModuleStaticFiles(registry);
        app.UseRouting();
        app.UseAuthentication();
        app.UseMiddleware<ModuleGateMiddleware>();
        app.UseAuthorization();
        // After authorization, so a password change counts against the signed-in account; sign-in pages are anonymous.
        app.UseCredentialRateLimiting();
        app.UseMiddleware<ProjectReadGate>();

        app.MapHealth();
        app.MapOpenApi("/openapi/{documentName}.json").RequireAuthorization(TsPmoServices.SignedInPolicy);
        var api = app.MapGroup("/api/v1").RequireAuthorization(TsPmoServices.ApiPolicy);
        api.MapAuthApi();
        api.MapModulesApi();
        api.MapProjectsApi();
        api.MapAuditApi();
        api.MapDocumentsApi();
        api.MapPeopleApi();
        api.MapUsersApi();
        api.MapModuleApis(registry, app.Logger);
        // Anything else under /api is a problem 404, not a sign-in page.
        app.Map("/api/{**rest}", () => Results.Problem(statusCode: 404, title: "Not found.", detail: "There is no API endpoint at this address."))
            .AllowAnonymous().ExcludeFromDescription();
        app.MapRazorPages();
    }

    private static bool IsApi(PathString path) => path.StartsWithSegments("/api");
}
