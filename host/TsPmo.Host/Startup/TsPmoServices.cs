using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Identity;
using TsPmo.Core.Accounts;
using TsPmo.Core.Audit;
using TsPmo.Core.Data;
using TsPmo.Core.Events;
using TsPmo.Core.Modules;
using TsPmo.Core.Settings;
using TsPmo.Core.Text;
using TsPmo.Core.Time;
using TsPmo.Host.Api;
using TsPmo.Host.Navigation;
using TsPmo.Sdk.Web;
using TsPmo.Host.Plugins;
using TsPmo.Host.Security;
using TsPmo.Sdk.Audit;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Modules;
using TsPmo.Sdk.Ports.Events;
using TsPmo.Sdk.Security;
using TsPmo.Sdk.Text;
using TsPmo.Sdk.Time;

namespace TsPmo.Host.Startup;

/// <summary>Everything the host registers: store, modules, security, API conventions, pages.</summary>
public static class TsPmoServices
{
    public const string ApiPolicy = "api";
    public const string SignedInPolicy = "signed-in";

    public static ModuleRegistry AddTsPmo(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        using var bootLog = LoggerFactory.Create(l => l.AddConsole());
        var log = bootLog.CreateLogger("TsPmo.Plugins");

        // Store
        var store = new DatabaseOptions { ConnectionString = configuration.GetConnectionString("TsPmo") ?? DatabaseOptions.DefaultConnectionString };
        services.AddSingleton(store);
        services.AddSingleton<SqliteConnectionFactory>();
        services.AddSingleton<IDbConnectionFactory>(sp => sp.GetRequiredService<SqliteConnectionFactory>());
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<MigrationRunner>();
        DapperTypeHandlers.Register();

        // Modules
        var pluginOptions = configuration.GetSection("Plugins").Get<PluginOptions>() ?? new PluginOptions();
        var pluginsPath = pluginOptions.ResolvePath();
        var registry = new ModuleRegistry(PluginLoader.LoadAll(pluginsPath, m => log.LogWarning("{Message}", m)));
        foreach (var faulted in registry.Modules.Where(m => m.IsFaulted))
            log.LogError("Module {Module} is faulted: {Error}", faulted.Id, faulted.Fault);
        services.AddSingleton(registry);
        services.AddSingleton<ModuleStateStore>();
        services.AddScoped<ModuleCatalog>();
        services.AddScoped<IModuleCatalog>(sp => sp.GetRequiredService<ModuleCatalog>());
        services.AddScoped(typeof(EnabledContributions<>));
        services.AddScoped(typeof(IEnabledContributions<>), typeof(EnabledContributions<>));
        services.AddScoped<ModuleAdministration>();
        services.AddScoped<ModuleSettings>();
        services.AddScoped<IModuleSettings>(sp => sp.GetRequiredService<ModuleSettings>());
        services.AddScoped<IDomainEventPublisher, DomainEventPublisher>();
        services.AddScoped<TsPmo.Sdk.Jobs.IJobLease, TsPmo.Core.Jobs.JobLease>();
        // One instance: the host starts it, and the migrate and seed commands call it directly.
        services.AddSingleton<HostInitializer>();
        services.AddHostedService(sp => sp.GetRequiredService<HostInitializer>());
        services.AddSingleton<HostActivity>();
        services.AddHostedService<IdleMemoryTrim>();
        // The default (StopHost) would let one module's failing background loop take the whole process down; module
        // hosted services are also wrapped (IsolatedHostedService) so the failure is shown as that module's fault.
        services.Configure<HostOptions>(o => o.BackgroundServiceExceptionBehavior = BackgroundServiceExceptionBehavior.Ignore);

        // Core services every module may use
        services.AddHttpContextAccessor();
        services.AddSingleton<PermissionCatalog>();
        services.AddSingleton<TsPmo.Core.Projects.IPermissionLookup>(sp => sp.GetRequiredService<PermissionCatalog>());
        services.AddScoped<ICurrentUser, HttpCurrentUser>();
        services.AddScoped<IAuditLog, AuditLog>();
        services.AddScoped<AuditQuery>();
        services.AddSingleton<IMarkdownRenderer, SafeMarkdownRenderer>();
        var zone = TimeZoneInfo.FindSystemTimeZoneById(configuration["Organization:TimeZone"] ?? "UTC");
        services.AddSingleton<IOrganizationClock>(sp => new OrganizationClock(sp.GetRequiredService<TimeProvider>(), zone));
        services.AddScoped<NavigationBuilder>();
        services.AddProjects();
        services.AddPeople();

        // Accounts
        services.AddSingleton<AccountPolicy>();
        // The hash cost is the framework's default; only Development and Testing may lower it (PasswordHashing).
        services.AddSingleton<IPasswordHasher<UserAccount>>(sp => new PasswordHasher<UserAccount>(
            Microsoft.Extensions.Options.Options.Create(PasswordHashing.OptionsFor(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<IHostEnvironment>()))));
        services.AddSingleton<UserStore>();
        services.AddScoped<AccountService>();
        services.AddMemoryCache();
        services.AddSingleton<AccountSessionCache>();
        services.AddScoped<ApiTokenService>();
        services.AddSingleton<CookieEvents>();
        services.AddDocuments();

        // Keys live in the database (every host reads them); the certificate that encrypts them lives outside it.
        var certificatePath = DataProtectionCertificate.ResolvePath(configuration, new SqliteConnectionFactory(store).DataSource);
        var certificate = DataProtectionCertificate.LoadOrCreate(certificatePath, configuration["DataProtection:CertificatePassword"], log);
        services.AddSingleton(new DataProtectionCertificateInfo(certificatePath));
        services.AddDataProtection().SetApplicationName("TsPmo").ProtectKeysWithCertificate(certificate);
        services.AddOptions<KeyManagementOptions>()
            .Configure<IDbConnectionFactory>((options, connections) => options.XmlRepository = new SqliteXmlRepository(connections));
        services.AddTransportSecurity(configuration);
        services.AddCredentialRateLimiting(configuration);
        var cookieSecure = TransportSecurity.CookiePolicy(configuration);

        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                options.LoginPath = "/Account/Login";
                options.LogoutPath = "/Account/Logout";
                options.AccessDeniedPath = "/Account/AccessDenied";
                options.Cookie.Name = "tspmo.auth";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = cookieSecure;
                options.ExpireTimeSpan = TimeSpan.FromHours(12);
                options.SlidingExpiration = true;
                options.EventsType = typeof(CookieEvents);
            })
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, BearerTokenHandler>(BearerTokenHandler.SchemeName, null);

        services.AddSingleton<IAuthorizationHandler, PermissionHandler>();
        services.AddSingleton<IAuthorizationPolicyProvider, PermissionPolicyProvider>();
        services.AddAuthorizationBuilder()
            // Pages need a signed-in user unless they say otherwise.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            // The API takes bearer tokens only, so a browser's cookie can never be ridden by a cross-site request.
            .AddPolicy(ApiPolicy, p => p.AddAuthenticationSchemes(BearerTokenHandler.SchemeName).RequireAuthenticatedUser())
            // Reading the API description is fine from a browser session or with a token.
            .AddPolicy(SignedInPolicy, p => p.AddAuthenticationSchemes(CookieAuthenticationDefaults.AuthenticationScheme, BearerTokenHandler.SchemeName).RequireAuthenticatedUser());
        services.AddAntiforgery(o => { o.HeaderName = "RequestVerificationToken"; o.Cookie.Name = "tspmo.af"; o.Cookie.SecurePolicy = cookieSecure; });

        // API conventions
        RequestLimits.AddRequestLimits(services, configuration);
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
        {
            c.ProblemDetails.Extensions.TryAdd("traceId", c.HttpContext.TraceIdentifier);
            // The framework answers a body past the limit with a bare 413 (no exception reaches the handler): say which limit.
            if (c.ProblemDetails.Status == 413 && c.ProblemDetails.Detail is null)
                c.ProblemDetails.Detail = $"The request body is larger than the {c.HttpContext.RequestServices.GetRequiredService<RequestLimits>().MaxRequestBodyBytes:N0} bytes "
                    + "this server accepts (Limits:MaxRequestBodyBytes). Nothing was changed.";
        });
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.AddOpenApi("v1");

        // Pages, then every module's pages and services
        var mvc = services.AddRazorPages(o =>
        {
            o.Conventions.AuthorizeFolder("/Admin");
            o.Conventions.AllowAnonymousToPage("/Account/Login");
            o.Conventions.AllowAnonymousToPage("/Setup");
            o.Conventions.AllowAnonymousToPage("/Error");
            o.Conventions.AllowAnonymousToPage("/Status");
        }).AddMvcOptions(o => o.Filters.Add<ProjectPermissionPageFilter>());
        // No client-side validation library ships, so its markup is dead weight; and with it on, an empty validation
        // summary carries <li style="display:none">, which the CSP (no inline styles) refuses.
        mvc.AddViewOptions(o => o.HtmlHelperOptions.ClientValidationEnabled = false);
        services.AddModules(mvc, registry, m => log.LogError("{Message}", m));
        return registry;
    }
}
