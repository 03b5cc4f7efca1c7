using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TsPmo.Core.Accounts;
using TsPmo.Core.Audit;
using TsPmo.Core.Changes;
using TsPmo.Core.Data;
using TsPmo.Core.Documents;
using TsPmo.Core.Events;
using TsPmo.Core.Modules;
using TsPmo.Core.People;
using TsPmo.Core.Projects;
using TsPmo.Core.Settings;
using TsPmo.Core.Text;
using TsPmo.Core.Time;
using TsPmo.Sdk.Audit;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Forecasting;
using TsPmo.Sdk.Modules;
using TsPmo.Sdk.Ports.Changes;
using TsPmo.Sdk.Ports.Directory;
using TsPmo.Sdk.Ports.Events;
using TsPmo.Sdk.Text;
using TsPmo.Sdk.Time;

namespace TsPmo.Core;

/// <summary>
/// The kernel in one call: the store, the module registry's state, permissions, the audit trail, the SDK services
/// every module is given (unit of work, directory, data versions, clock, Markdown, forecasting), projects, people,
/// documents and accounts. The host adds the shell around it (sign-in, pages, plugins, navigation).
/// </summary>
public static class CoreServices
{
    /// <param name="registry">The modules the host loaded (their permissions join the catalog; their state is stored).</param>
    public static IServiceCollection AddTsPmoCore(this IServiceCollection services, IConfiguration configuration, ModuleRegistry registry)
    {
        // Store. Dapper's handlers are process-wide: registered here once, before anything can query.
        DapperTypeHandlers.Register();
        services.AddSingleton(DatabaseOptions.From(configuration));
        services.AddSingleton<SqliteConnectionFactory>();
        services.AddSingleton<IDbConnectionFactory>(sp => sp.GetRequiredService<SqliteConnectionFactory>());
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<MigrationRunner>();
        services.AddScoped<IUnitOfWork, UnitOfWork>();
        services.AddScoped<IDataVersions, DataVersions>();

        // Modules and permissions
        services.AddSingleton(registry);
        services.AddSingleton<ModuleStateStore>();
        services.AddScoped<ModuleCatalog>();
        services.AddScoped<IModuleCatalog>(sp => sp.GetRequiredService<ModuleCatalog>());
        services.AddScoped(typeof(EnabledContributions<>));
        services.AddScoped(typeof(IEnabledContributions<>), typeof(EnabledContributions<>));
        services.AddScoped<ModuleAdministration>();
        services.AddScoped<ModuleSettings>();
        services.AddScoped<IModuleSettings>(sp => sp.GetRequiredService<ModuleSettings>());
        services.AddSingleton<PermissionCatalog>();
        services.AddSingleton<IPermissionLookup>(sp => sp.GetRequiredService<PermissionCatalog>());
        services.AddScoped<IDomainEventPublisher, DomainEventPublisher>();
        services.AddScoped<TsPmo.Sdk.Jobs.IJobLease, TsPmo.Core.Jobs.JobLease>();

        // What every module is given besides the store
        services.AddScoped<IAuditLog, AuditLog>();
        services.AddScoped<AuditQuery>();
        services.AddSingleton<IMarkdownRenderer, SafeMarkdownRenderer>();
        var zone = TimeZoneInfo.FindSystemTimeZoneById(configuration["Organization:TimeZone"] ?? "UTC");
        services.AddSingleton<IOrganizationClock>(sp => new OrganizationClock(sp.GetRequiredService<TimeProvider>(), zone));
        services.AddSingleton<ForecastRandom>();

        // Projects
        services.AddSingleton(_ => ProjectDefaults.From(configuration["Projects:DefaultVisibility"]));
        services.AddScoped<ProjectAccess>();
        services.AddScoped<IProjectPermissions>(sp => sp.GetRequiredService<ProjectAccess>());
        services.AddScoped<ProjectValidator>();
        services.AddScoped<ProjectService>();
        services.AddScoped<LifecycleService>();
        services.AddScoped<PortfolioLookups>();
        services.AddScoped<TsPmo.Core.Seeding.PortfolioSeeder>();
        services.AddSingleton<ProjectListCache>();
        services.AddScoped<IProjectDirectory, ProjectDirectory>();

        // People and project teams
        services.AddScoped<PersonService>();
        services.AddScoped<MembershipService>();
        services.AddScoped<PeopleDirectory>();
        services.AddScoped<IPeopleDirectory>(sp => sp.GetRequiredService<PeopleDirectory>());
        services.AddScoped<IPeopleRegistration, PeopleRegistration>();

        // Documents
        services.AddScoped<DocumentService>();

        // Accounts
        services.AddSingleton<AccountPolicy>();
        // The hash cost is the framework's default; only Development and Testing may lower it (PasswordHashing).
        services.AddSingleton<IPasswordHasher<UserAccount>>(sp => new PasswordHasher<UserAccount>(
            Microsoft.Extensions.Options.Options.Create(PasswordHashing.OptionsFor(configuration, sp.GetRequiredService<Microsoft.Extensions.Hosting.IHostEnvironment>()))));
        services.AddSingleton<UserStore>();
        services.AddScoped<AccountService>();
        services.AddMemoryCache();
        services.AddSingleton<AccountSessionCache>();
        services.AddScoped<ApiTokenService>();
        return services;
    }
}
